import { aliasedTable, and, asc, desc, eq, inArray, isNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { dwellingRents, dwellings } from '../dwellings/schema.ts';
import { occupancyContracts } from '../leases/schema.ts';
import { measureSchemes, measureSchemeVersions } from '../measures/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { conventionDwellings, glaTasks, partnershipConventions } from './schema.ts';

export type ConventionRow = typeof partnershipConventions.$inferSelect;

const landlord = aliasedTable(organisations, 'landlord');
const association = aliasedTable(organisations, 'association');

function conventionsWhere(q: Queryable, condition: ReturnType<typeof eq>) {
  return q
    .select({
      convention: partnershipConventions,
      landlordName: landlord.name,
      associationName: association.name,
      dwellingCount: sql<number>`(select count(*)::int from ${conventionDwellings} where ${conventionDwellings.conventionId} = ${partnershipConventions.id})`,
    })
    .from(partnershipConventions)
    .innerJoin(landlord, eq(landlord.id, partnershipConventions.landlordOrganisationId))
    .innerJoin(association, eq(association.id, partnershipConventions.associationOrganisationId))
    .where(condition)
    .orderBy(desc(partnershipConventions.startOn), asc(partnershipConventions.title));
}
export type ConventionRecord = Awaited<ReturnType<typeof conventionsWhere>>[number];

/** The conventions an organisation signed, as landlord or association. */
export const organisationConventions = (q: Queryable, organisationId: string) =>
  conventionsWhere(
    q,
    or(
      eq(partnershipConventions.landlordOrganisationId, organisationId),
      eq(partnershipConventions.associationOrganisationId, organisationId),
    )!,
  );

export async function findConvention(q: Queryable, conventionId: string): Promise<ConventionRecord | null> {
  const [row] = await conventionsWhere(q, eq(partnershipConventions.id, conventionId));
  return row ?? null;
}

export async function insertConvention(q: Queryable, values: typeof partnershipConventions.$inferInsert) {
  const [row] = await q
    .insert(partnershipConventions)
    .values(values)
    .returning({ id: partnershipConventions.id });
  return row!.id;
}

/** The dwellings made available under a convention, with their address and commune. */
export function conventionDwellingsOf(q: Queryable, conventionId: string) {
  return q
    .select({
      id: conventionDwellings.id,
      dwellingId: conventionDwellings.dwellingId,
      address: dwellings.address,
      communeId: dwellings.communeId,
      occupancyKind: conventionDwellings.occupancyKind,
      availableFrom: conventionDwellings.availableFrom,
      availableUntil: conventionDwellings.availableUntil,
      gla: conventionDwellings.gla,
    })
    .from(conventionDwellings)
    .innerJoin(dwellings, eq(dwellings.id, conventionDwellings.dwellingId))
    .where(eq(conventionDwellings.conventionId, conventionId))
    .orderBy(asc(dwellings.address));
}
export type ConventionDwellingRecord = Awaited<ReturnType<typeof conventionDwellingsOf>>[number];

/** The landlord's dwellings not yet under this convention. */
export function candidateDwellings(q: Queryable, landlordOrganisationId: string, conventionId: string) {
  const taken = q
    .select({ id: conventionDwellings.dwellingId })
    .from(conventionDwellings)
    .where(eq(conventionDwellings.conventionId, conventionId));
  return q
    .select({ id: dwellings.id, address: dwellings.address, reference: dwellings.externalReference })
    .from(dwellings)
    .where(and(eq(dwellings.landlordOrganisationId, landlordOrganisationId), notInArray(dwellings.id, taken)))
    .orderBy(asc(dwellings.address))
    .limit(500);
}

export async function findDwelling(q: Queryable, dwellingId: string) {
  const [row] = await q
    .select({ id: dwellings.id, landlordOrganisationId: dwellings.landlordOrganisationId })
    .from(dwellings)
    .where(eq(dwellings.id, dwellingId));
  return row ?? null;
}

export async function insertConventionDwelling(
  q: Queryable,
  values: typeof conventionDwellings.$inferInsert,
): Promise<string | null> {
  const [row] = await q
    .insert(conventionDwellings)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: conventionDwellings.id });
  return row?.id ?? null;
}

/** The occupancy contracts of the dwellings (signed ones: drafts occupy nothing). */
export function occupanciesOf(q: Queryable, dwellingIds: string[]) {
  if (dwellingIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      dwellingId: occupancyContracts.dwellingId,
      from: occupancyContracts.startOn,
      until: occupancyContracts.endOn,
    })
    .from(occupancyContracts)
    .where(and(inArray(occupancyContracts.dwellingId, dwellingIds), ne(occupancyContracts.status, 'draft')));
}

export function rentsOf(q: Queryable, dwellingIds: string[]) {
  if (dwellingIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      dwellingId: dwellingRents.dwellingId,
      effectiveFrom: dwellingRents.effectiveFrom,
      monthlyRentCents: dwellingRents.monthlyRentCents,
    })
    .from(dwellingRents)
    .where(inArray(dwellingRents.dwellingId, dwellingIds));
}

/** The GLA cost per dwelling-year a funder adopted for the département, in the version in force on the day. */
export async function adoptedGlaCost(q: Queryable, departementId: string, onDay: string) {
  const [row] = await q
    .select({
      costs: measureSchemeVersions.costs,
      effectiveFrom: measureSchemeVersions.effectiveFrom,
      funderName: organisations.name,
    })
    .from(measureSchemeVersions)
    .innerJoin(measureSchemes, eq(measureSchemes.id, measureSchemeVersions.schemeId))
    .innerJoin(organisations, eq(organisations.id, measureSchemes.funderOrganisationId))
    .where(
      and(
        eq(measureSchemes.territoryId, departementId),
        eq(measureSchemes.code, 'gla'),
        lte(measureSchemeVersions.effectiveFrom, onDay),
      ),
    )
    .orderBy(desc(measureSchemeVersions.effectiveFrom))
    .limit(1);
  return row ?? null;
}

export function glaTasksOf(q: Queryable, entryIds: string[], year: number) {
  if (entryIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(glaTasks)
    .where(and(inArray(glaTasks.conventionDwellingId, entryIds), eq(glaTasks.year, year)))
    .orderBy(asc(glaTasks.dueOn));
}

/** Adds the plan's tasks not already there; answers how many were added. */
export async function insertGlaTasks(q: Queryable, rows: (typeof glaTasks.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const added = await q.insert(glaTasks).values(rows).onConflictDoNothing().returning({ id: glaTasks.id });
  return added.length;
}

/** The task, when it belongs to a dwelling of this convention, with the dwelling's address. */
export async function findGlaTask(q: Queryable, conventionId: string, taskId: string) {
  const [row] = await q
    .select({ task: glaTasks, address: dwellings.address })
    .from(glaTasks)
    .innerJoin(conventionDwellings, eq(conventionDwellings.id, glaTasks.conventionDwellingId))
    .innerJoin(dwellings, eq(dwellings.id, conventionDwellings.dwellingId))
    .where(and(eq(glaTasks.id, taskId), eq(conventionDwellings.conventionId, conventionId)));
  return row ?? null;
}

/** Marks the task done unless it already is; false when it was. */
export async function markGlaTaskDone(q: Queryable, taskId: string, doneOn: string, at: Date) {
  const rows = await q
    .update(glaTasks)
    .set({ doneOn, updatedAt: at })
    .where(and(eq(glaTasks.id, taskId), isNull(glaTasks.doneOn)))
    .returning({ id: glaTasks.id });
  return rows.length > 0;
}
