import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../kernel/db.ts';
import type { TOrganisationsQuery, TTerritoryQuery } from '../../shared/contracts/organisations.ts';
import { managementUnits, organisations, territories } from './schema.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
type TerritoryRef = { id: string; name: string; code: string };
export type ManagementUnitWithTerritory = typeof managementUnits.$inferSelect & {
  territory: TerritoryRef | null;
};
export type OrganisationWithUnits = OrganisationRow & {
  territory: TerritoryRef | null;
  managementUnits: ManagementUnitWithTerritory[];
};

/** Escape LIKE wildcards typed by the user. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function withUnits(q: Queryable, where: SQL | undefined): Promise<OrganisationWithUnits[]> {
  const orgTerritory = alias(territories, 'org_territory');
  const rows = await q
    .select({
      organisation: organisations,
      territory: { id: orgTerritory.id, name: orgTerritory.name, code: orgTerritory.code },
    })
    .from(organisations)
    .leftJoin(orgTerritory, eq(orgTerritory.id, organisations.territoryId))
    .where(where)
    .orderBy(asc(organisations.name), asc(organisations.id));
  if (rows.length === 0) return [];
  const units = await q
    .select({
      unit: managementUnits,
      territory: { id: territories.id, name: territories.name, code: territories.code },
    })
    .from(managementUnits)
    .leftJoin(territories, eq(territories.id, managementUnits.territoryId))
    .where(
      inArray(
        managementUnits.organisationId,
        rows.map((r) => r.organisation.id),
      ),
    )
    .orderBy(asc(managementUnits.name), asc(managementUnits.id));
  return rows.map((r) => ({
    ...r.organisation,
    territory: r.territory,
    managementUnits: units
      .filter((u) => u.unit.organisationId === r.organisation.id)
      .map((u) => ({ ...u.unit, territory: u.territory })),
  }));
}

/** The directory of active organisations, for choosing a partner (e.g. the association of a referral). */
export function listActiveOrganisations(q: Queryable, query: TOrganisationsQuery) {
  const conditions: SQL[] = [eq(organisations.active, true)];
  if (query.type) conditions.push(eq(organisations.type, query.type));
  if (query.q) {
    const pattern = likeContains(query.q);
    conditions.push(or(ilike(organisations.name, pattern), ilike(organisations.shortName, pattern)) as SQL);
  }
  return withUnits(q, and(...conditions));
}

/** An organisation as the directory shows it: active ones, plus the reader's own. */
export async function findVisibleOrganisation(q: Queryable, id: string, readerOrganisationId: string) {
  const [org] = await withUnits(
    q,
    and(
      eq(organisations.id, id),
      or(eq(organisations.active, true), eq(organisations.id, readerOrganisationId)),
    ),
  );
  return org;
}

export function searchTerritories(q: Queryable, query: TTerritoryQuery) {
  const conditions: SQL[] = [];
  if (query.kind) conditions.push(eq(territories.kind, query.kind));
  if (query.parentId) conditions.push(eq(territories.parentId, query.parentId));
  if (query.q) {
    const pattern = likeContains(query.q);
    conditions.push(
      or(
        ilike(territories.name, pattern),
        ilike(territories.code, `${query.q}%`),
        ilike(territories.postcode, `${query.q}%`),
      ) as SQL,
    );
  }
  return q
    .select()
    .from(territories)
    .where(and(...conditions))
    .orderBy(asc(territories.name), asc(territories.code))
    .limit(query.limit);
}

export async function territoryExists(q: Queryable, id: string): Promise<boolean> {
  const [row] = await q.select({ id: territories.id }).from(territories).where(eq(territories.id, id));
  return row !== undefined;
}
