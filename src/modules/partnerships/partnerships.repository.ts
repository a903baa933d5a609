import {
  aliasedTable,
  and,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  lte,
  ne,
  notInArray,
  or,
  sql,
} from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { dwellingRents, dwellings } from '../dwellings/schema.ts';
import { householdMembers } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { occupancyContracts } from '../leases/schema.ts';
import { measureSchemes, measureSchemeVersions } from '../measures/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { conventionAmendments, conventionDwellings, partnershipConventions } from './schema.ts';

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
      endReason: conventionDwellings.endReason,
      endNote: conventionDwellings.endNote,
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

/** Locks the convention's row for a change of its terms (amendments are numbered one after the other). */
export async function lockConvention(q: Queryable, conventionId: string): Promise<void> {
  await q
    .select({ id: partnershipConventions.id })
    .from(partnershipConventions)
    .where(eq(partnershipConventions.id, conventionId))
    .for('update');
}

export async function updateConvention(
  q: Queryable,
  conventionId: string,
  values: Partial<typeof partnershipConventions.$inferInsert>,
): Promise<void> {
  await q.update(partnershipConventions).set(values).where(eq(partnershipConventions.id, conventionId));
}

export async function updateConventionDwelling(
  q: Queryable,
  entryId: string,
  values: Partial<typeof conventionDwellings.$inferInsert>,
): Promise<void> {
  await q.update(conventionDwellings).set(values).where(eq(conventionDwellings.id, entryId));
}

/** The convention's amendments in their order, with who recorded them. */
export function amendmentsOf(q: Queryable, conventionId: string) {
  return q
    .select({ amendment: conventionAmendments, recordedBy: users.fullName })
    .from(conventionAmendments)
    .leftJoin(users, eq(users.id, conventionAmendments.createdByUserId))
    .where(eq(conventionAmendments.conventionId, conventionId))
    .orderBy(asc(conventionAmendments.number));
}
export type AmendmentRecord = Awaited<ReturnType<typeof amendmentsOf>>[number];

export async function insertAmendment(q: Queryable, values: typeof conventionAmendments.$inferInsert) {
  await q.insert(conventionAmendments).values(values);
}

/** Whether the dwelling is still made available under another entry (another convention). */
export async function availableElsewhere(q: Queryable, dwellingId: string, entryId: string) {
  const [row] = await q
    .select({ id: conventionDwellings.id })
    .from(conventionDwellings)
    .where(
      and(
        eq(conventionDwellings.dwellingId, dwellingId),
        ne(conventionDwellings.id, entryId),
        isNull(conventionDwellings.availableUntil),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The household's reference person, as the contract's parties know their occupant. */
const referencePersonName = sql<
  string | null
>`(select ${householdMembers.firstName} || ' ' || ${householdMembers.lastName}
  from ${householdMembers} where ${householdMembers.householdId} = ${occupancyContracts.householdId}
  order by ${householdMembers.isReferencePerson} desc, ${householdMembers.position} limit 1)`;

/** The dwelling's signed contracts still in force after the day (open-ended, or ending later). */
export function contractsInForceAfter(q: Queryable, dwellingId: string, day: string) {
  return q
    .select({
      kind: occupancyContracts.kind,
      householdId: occupancyContracts.householdId,
      lessorOrganisationId: occupancyContracts.lessorOrganisationId,
      intermediaryOrganisationId: occupancyContracts.intermediaryOrganisationId,
      startOn: occupancyContracts.startOn,
      endOn: occupancyContracts.endOn,
      occupantName: sql<string | null>`coalesce(${occupancyContracts.tenantName}, ${referencePersonName})`,
    })
    .from(occupancyContracts)
    .where(
      and(
        eq(occupancyContracts.dwellingId, dwellingId),
        ne(occupancyContracts.status, 'draft'),
        or(isNull(occupancyContracts.endOn), gt(occupancyContracts.endOn, day)),
      ),
    )
    .orderBy(asc(occupancyContracts.startOn));
}
