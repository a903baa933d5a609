import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../kernel/db.ts';
import { ZIsoDate } from '../../shared/contracts/common.ts';
import { ZSchemeTemplate, type TSchemeTemplate } from '../../shared/contracts/measures.ts';
import { users } from '../identity/schema.ts';
import { organisations, territories } from '../organisations/schema.ts';
import { fundingProgrammes, measureSchemes, measureSchemeVersions } from './schema.ts';

const catalogueFile = join(dirname(fileURLToPath(import.meta.url)), 'data', 'default-schemes.json');
let catalogue: { effectiveFrom: string; note: string; schemes: TSchemeTemplate[] } | undefined;

/** The schemes Relais ships with the seeds' rules, which a funder adopts for its département. */
export function defaultCatalogue() {
  if (!catalogue) {
    const parsed = z
      .object({ effectiveFrom: ZIsoDate, note: z.string(), schemes: z.array(ZSchemeTemplate) })
      .safeParse(JSON.parse(readFileSync(catalogueFile, 'utf8')));
    if (!parsed.success) throw new Error(`Catalogue des dispositifs invalide : ${parsed.error.message}`);
    catalogue = parsed.data;
  }
  return catalogue;
}

const schemeColumns = {
  id: measureSchemes.id,
  code: measureSchemes.code,
  name: measureSchemes.name,
  kind: measureSchemes.kind,
  territoryId: measureSchemes.territoryId,
  territoryName: territories.name,
  funderOrganisationId: measureSchemes.funderOrganisationId,
  funderName: organisations.name,
};

export type SchemeRow = typeof measureSchemes.$inferSelect & { territoryName: string; funderName: string };

function schemesWhere(q: Queryable, condition: ReturnType<typeof eq>) {
  return q
    .select(schemeColumns)
    .from(measureSchemes)
    .innerJoin(territories, eq(territories.id, measureSchemes.territoryId))
    .innerJoin(organisations, eq(organisations.id, measureSchemes.funderOrganisationId))
    .where(condition)
    .orderBy(asc(measureSchemes.name));
}
export type SchemeRecord = Awaited<ReturnType<typeof schemesWhere>>[number];

export const schemesOfTerritory = (q: Queryable, territoryId: string) =>
  schemesWhere(q, eq(measureSchemes.territoryId, territoryId));

export async function findScheme(q: Queryable, schemeId: string): Promise<SchemeRecord | null> {
  const [row] = await schemesWhere(q, eq(measureSchemes.id, schemeId));
  return row ?? null;
}

/** Versions of the schemes, latest first, with who added them. */
export function versionsOf(q: Queryable, schemeIds: string[]) {
  if (schemeIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      id: measureSchemeVersions.id,
      schemeId: measureSchemeVersions.schemeId,
      effectiveFrom: measureSchemeVersions.effectiveFrom,
      rules: measureSchemeVersions.rules,
      costs: measureSchemeVersions.costs,
      createdAt: measureSchemeVersions.createdAt,
      createdByName: users.fullName,
    })
    .from(measureSchemeVersions)
    .leftJoin(users, eq(users.id, measureSchemeVersions.createdBy))
    .where(inArray(measureSchemeVersions.schemeId, schemeIds))
    .orderBy(desc(measureSchemeVersions.effectiveFrom));
}
export type VersionRecord = Awaited<ReturnType<typeof versionsOf>>[number];

export function programmesOf(q: Queryable, schemeIds: string[]) {
  if (schemeIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(fundingProgrammes)
    .where(inArray(fundingProgrammes.schemeId, schemeIds))
    .orderBy(desc(fundingProgrammes.periodFrom), asc(fundingProgrammes.name));
}

/** The version of a scheme in force on a day (the latest that started by then). */
export async function versionInForce(q: Queryable, schemeId: string, day: string) {
  const [row] = await q
    .select()
    .from(measureSchemeVersions)
    .where(and(eq(measureSchemeVersions.schemeId, schemeId), lte(measureSchemeVersions.effectiveFrom, day)))
    .orderBy(desc(measureSchemeVersions.effectiveFrom))
    .limit(1);
  return row ?? null;
}

export async function insertScheme(q: Queryable, values: typeof measureSchemes.$inferInsert) {
  const [row] = await q
    .insert(measureSchemes)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: measureSchemes.id });
  return row?.id ?? null;
}

export async function insertVersion(q: Queryable, values: typeof measureSchemeVersions.$inferInsert) {
  const [row] = await q
    .insert(measureSchemeVersions)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: measureSchemeVersions.id });
  return row?.id ?? null;
}

export async function insertProgramme(q: Queryable, values: typeof fundingProgrammes.$inferInsert) {
  const [row] = await q.insert(fundingProgrammes).values(values).returning({ id: fundingProgrammes.id });
  return row!.id;
}

/** Serialises the changes of one scheme (two versions added at once must see each other). */
export const lockScheme = (q: Queryable, schemeId: string) =>
  q.execute(sql`select id from ${measureSchemes} where ${measureSchemes.id} = ${schemeId} for update`);

/** The schemes an organisation funds, in every département. */
export const schemesFundedBy = (q: Queryable, funderOrganisationId: string) =>
  schemesWhere(q, eq(measureSchemes.funderOrganisationId, funderOrganisationId));

export async function schemeName(q: Queryable, schemeId: string): Promise<string | null> {
  const [row] = await q
    .select({ name: measureSchemes.name })
    .from(measureSchemes)
    .where(eq(measureSchemes.id, schemeId));
  return row?.name ?? null;
}
