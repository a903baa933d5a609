import { aliasedTable, and, asc, count, desc, eq, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { TDwellingListQuery, TRentInput } from '../../shared/contracts/dwellings.ts';
import { territories } from '../organisations/schema.ts';
import { dwellingRents, dwellings } from './schema.ts';

export type DwellingValues = Pick<
  typeof dwellings.$inferInsert,
  'address' | 'communeId' | 'landlordOrganisationId' | 'managementUnitId' | 'typology' | 'surfaceM2'
>;

export async function insertDwelling(
  q: Queryable,
  values: Omit<typeof dwellings.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
  at: Date,
): Promise<string> {
  const [row] = await q
    .insert(dwellings)
    .values({ ...values, createdAt: at, updatedAt: at })
    .returning({ id: dwellings.id });
  return row!.id;
}

export async function updateDwelling(
  q: Queryable,
  dwellingId: string,
  values: Partial<typeof dwellings.$inferInsert>,
  at: Date,
): Promise<void> {
  await q
    .update(dwellings)
    .set({ ...values, updatedAt: at })
    .where(eq(dwellings.id, dwellingId));
}

const commune = aliasedTable(territories, 'commune');
const epci = aliasedTable(territories, 'epci');

const dwellingColumns = {
  id: dwellings.id,
  landlordOrganisationId: dwellings.landlordOrganisationId,
  reference: dwellings.externalReference,
  address: dwellings.address,
  communeId: dwellings.communeId,
  communeName: commune.name,
  communePostcode: commune.postcode,
  epciName: sql<string | null>`case when ${epci.kind} = 'epci' then ${epci.name} end`,
  typology: dwellings.typology,
  surfaceM2: dwellings.surfaceM2,
  floor: dwellings.floor,
  lift: dwellings.lift,
  accessibility: dwellings.accessibility,
  financing: dwellings.financing,
  status: dwellings.status,
};
export type DwellingRow = Awaited<ReturnType<typeof findDwelling>> & {};

export async function findDwelling(q: Queryable, dwellingId: string) {
  const [row] = await q
    .select(dwellingColumns)
    .from(dwellings)
    .leftJoin(commune, eq(commune.id, dwellings.communeId))
    .leftJoin(epci, eq(epci.id, commune.parentId))
    .where(eq(dwellings.id, dwellingId));
  return row ?? null;
}

export async function findDwellingByReference(q: Queryable, landlordId: string, reference: string) {
  const [row] = await q
    .select({ id: dwellings.id })
    .from(dwellings)
    .where(and(eq(dwellings.landlordOrganisationId, landlordId), eq(dwellings.externalReference, reference)));
  return row?.id ?? null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A landlord's stock a page at a time, by reference then address, with the rent in force on `day`. */
export async function landlordStock(
  q: Queryable,
  landlordId: string,
  query: TDwellingListQuery,
  day: string,
) {
  const conditions: SQL[] = [eq(dwellings.landlordOrganisationId, landlordId)];
  if (query.communeId) conditions.push(eq(dwellings.communeId, query.communeId));
  if (query.typology) conditions.push(eq(dwellings.typology, query.typology));
  if (query.status) conditions.push(eq(dwellings.status, query.status));
  if (query.financing) conditions.push(eq(dwellings.financing, query.financing));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(dwellings.externalReference, pattern), ilike(dwellings.address, pattern))!);
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    q
      .select(dwellingColumns)
      .from(dwellings)
      .leftJoin(commune, eq(commune.id, dwellings.communeId))
      .leftJoin(epci, eq(epci.id, commune.parentId))
      .where(where)
      .orderBy(asc(dwellings.externalReference), asc(dwellings.address), asc(dwellings.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    q.select({ n: count() }).from(dwellings).where(where),
  ]);
  const rents = await rentsInForce(
    q,
    rows.map((r) => r.id),
    day,
  );
  return { rows, rents, total: total?.n ?? 0 };
}

/** The rent in force on `day` of each dwelling (the latest effective on or before it). */
export async function rentsInForce(q: Queryable, dwellingIds: readonly string[], day: string) {
  if (dwellingIds.length === 0) return new Map<string, RentRow>();
  const rows = await q
    .selectDistinctOn([dwellingRents.dwellingId], rentColumns)
    .from(dwellingRents)
    .where(and(inArray(dwellingRents.dwellingId, [...dwellingIds]), lte(dwellingRents.effectiveFrom, day)))
    .orderBy(dwellingRents.dwellingId, desc(dwellingRents.effectiveFrom));
  return new Map(rows.map((r) => [r.dwellingId, r]));
}

const rentColumns = {
  dwellingId: dwellingRents.dwellingId,
  effectiveFrom: dwellingRents.effectiveFrom,
  monthlyRentCents: dwellingRents.monthlyRentCents,
  monthlyChargesCents: dwellingRents.monthlyChargesCents,
};
export type RentRow = {
  dwellingId: string;
  effectiveFrom: string;
  monthlyRentCents: number;
  monthlyChargesCents: number;
};

export const rentHistory = (q: Queryable, dwellingId: string): Promise<RentRow[]> =>
  q
    .select(rentColumns)
    .from(dwellingRents)
    .where(eq(dwellingRents.dwellingId, dwellingId))
    .orderBy(desc(dwellingRents.effectiveFrom));

/** A rent from its day on; a second one the same day replaces the first. */
export async function upsertRent(
  q: Queryable,
  dwellingId: string,
  rent: TRentInput,
  at: Date,
): Promise<void> {
  await q
    .insert(dwellingRents)
    .values({ dwellingId, ...rent, createdAt: at })
    .onConflictDoUpdate({
      target: [dwellingRents.dwellingId, dwellingRents.effectiveFrom],
      set: { monthlyRentCents: rent.monthlyRentCents, monthlyChargesCents: rent.monthlyChargesCents },
    });
}

export const communeOptions = (q: Queryable) =>
  q
    .select({ id: territories.id, name: territories.name, postcode: territories.postcode })
    .from(territories)
    .where(eq(territories.kind, 'commune'))
    .orderBy(asc(territories.name));

export async function isCommune(q: Queryable, territoryId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: territories.id })
    .from(territories)
    .where(and(eq(territories.id, territoryId), eq(territories.kind, 'commune')));
  return row !== undefined;
}
