import { and, asc, desc, eq, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../kernel/db.ts';
import { CONTRACT_EVENTS, type LeaseParty } from '../../shared/leases/contract-rules.ts';
import { dwellingRents, dwellings } from '../dwellings/schema.ts';
import { householdDocuments, householdMembers, households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { organisations } from '../organisations/schema.ts';
import {
  occupancyContractDocuments,
  occupancyContractEvents,
  occupancyContracts,
  referralContracts,
  slidingEvaluations,
} from './schema.ts';

const lessorOrg = alias(organisations, 'lessor_org');
const intermediaryOrg = alias(organisations, 'intermediary_org');
const c = occupancyContracts;

/** The household's reference person, as the landlord and the association know their occupant. */
const referencePersonName = sql<
  string | null
>`(select ${householdMembers.firstName} || ' ' || ${householdMembers.lastName}
  from ${householdMembers} where ${householdMembers.householdId} = ${c.householdId}
  order by ${householdMembers.isReferencePerson} desc, ${householdMembers.position} limit 1)`;

const columns = {
  contract: c,
  address: dwellings.address,
  dwellingLandlordId: dwellings.landlordOrganisationId,
  fileNumber: households.fileNumber,
  occupantName: sql<string | null>`coalesce(${c.tenantName}, ${referencePersonName})`,
  lessorOrganisationName: lessorOrg.name,
  intermediaryName: intermediaryOrg.name,
  nextContractId: sql<
    string | null
  >`(select n.id from ${occupancyContracts} n where n.previous_contract_id = ${c.id} limit 1)`,
};

const selectContracts = (q: Queryable) =>
  q
    .select(columns)
    .from(c)
    .innerJoin(dwellings, eq(dwellings.id, c.dwellingId))
    .leftJoin(households, eq(households.id, c.householdId))
    .leftJoin(lessorOrg, eq(lessorOrg.id, c.lessorOrganisationId))
    .leftJoin(intermediaryOrg, eq(intermediaryOrg.id, c.intermediaryOrganisationId));

export type ContractRow = Awaited<ReturnType<typeof findContract>> & object;

export async function findContract(q: Queryable, id: string) {
  const [row] = await selectContracts(q).where(eq(c.id, id));
  return row ?? null;
}

export const contractsWhere = (q: Queryable, where: SQL | undefined) =>
  selectContracts(q).where(where).orderBy(desc(c.startOn), asc(c.id));

export async function contractsPage(
  q: Queryable,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
) {
  const [items, [total]] = await Promise.all([
    contractsWhere(q, where)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    q
      .select({ n: sql<number>`count(*)::int` })
      .from(c)
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Contracts where the organisation is the lessor (when `asLessor`) or the intermediary (when `asIntermediary`). */
export function partyCondition(
  organisationId: string,
  asLessor: boolean,
  asIntermediary: boolean,
): SQL | undefined {
  const parts = [
    asLessor ? eq(c.lessorOrganisationId, organisationId) : undefined,
    asIntermediary ? eq(c.intermediaryOrganisationId, organisationId) : undefined,
  ].filter((p) => p !== undefined);
  return parts.length === 0 ? sql`false` : or(...parts);
}

/**
 * Locks the dwelling's row for the rest of the transaction (ADR 0024: a dwelling's contracts are
 * checked for overlap under this lock) and reads its landlord; null when unknown.
 */
export async function lockDwelling(q: Queryable, dwellingId: string) {
  const [row] = await q
    .select({ id: dwellings.id, landlordOrganisationId: dwellings.landlordOrganisationId })
    .from(dwellings)
    .where(eq(dwellings.id, dwellingId))
    .for('update');
  return row ?? null;
}

/** The dwelling's contracts' spans (read under the dwelling's lock). */
export const dwellingSpans = (q: Queryable, dwellingId: string) =>
  q.select({ id: c.id, startOn: c.startOn, endOn: c.endOn }).from(c).where(eq(c.dwellingId, dwellingId));

export async function insertContract(q: Queryable, values: typeof c.$inferInsert): Promise<string> {
  const [row] = await q.insert(c).values(values).returning({ id: c.id });
  return row!.id;
}

/** Changes a contract at the version read; false when someone changed it since. */
export async function updateContract(
  q: Queryable,
  input: { id: string; rowVersion: number; values: Partial<typeof c.$inferInsert> },
): Promise<boolean> {
  const rows = await q
    .update(c)
    .set({ ...input.values, rowVersion: sql`${c.rowVersion} + 1` })
    .where(and(eq(c.id, input.id), eq(c.rowVersion, input.rowVersion)))
    .returning({ id: c.id });
  return rows.length === 1;
}

/**
 * Sets the contract's household (null: detaches it) when it still has the one expected, at the version
 * read when one is given; false when either changed since.
 */
export async function setContractHousehold(
  q: Queryable,
  input: {
    id: string;
    householdId: string | null;
    expectedHouseholdId: string | null;
    rowVersion: number | null;
    tenantName?: string | null;
    at: Date;
  },
): Promise<boolean> {
  const rows = await q
    .update(c)
    .set({
      householdId: input.householdId,
      ...(input.tenantName !== undefined ? { tenantName: input.tenantName } : {}),
      updatedAt: input.at,
      rowVersion: sql`${c.rowVersion} + 1`,
    })
    .where(
      and(
        eq(c.id, input.id),
        input.expectedHouseholdId === null
          ? isNull(c.householdId)
          : eq(c.householdId, input.expectedHouseholdId),
        input.rowVersion === null ? undefined : eq(c.rowVersion, input.rowVersion),
      ),
    )
    .returning({ id: c.id });
  return rows.length === 1;
}

/** Records the contract a referral is about. */
export async function insertReferralContract(q: Queryable, referralId: string, contractId: string) {
  await q.insert(referralContracts).values({ referralId, contractId });
}

/** The dwelling's rent and charges in force on a day (null: none known). */
export async function rentInForce(q: Queryable, dwellingId: string, on: string) {
  const [row] = await q
    .select({
      monthlyRentCents: dwellingRents.monthlyRentCents,
      monthlyChargesCents: dwellingRents.monthlyChargesCents,
    })
    .from(dwellingRents)
    .where(and(eq(dwellingRents.dwellingId, dwellingId), lte(dwellingRents.effectiveFrom, on)))
    .orderBy(desc(dwellingRents.effectiveFrom))
    .limit(1);
  return row ?? null;
}

export async function insertEvent(
  q: Queryable,
  values: {
    contractId: string;
    event: string;
    occurredOn: string;
    note?: string | null;
    party?: LeaseParty | null;
    userId: string | null;
    at: Date;
  },
): Promise<void> {
  await q.insert(occupancyContractEvents).values({
    contractId: values.contractId,
    event: values.event,
    occurredOn: values.occurredOn,
    note: values.note ?? null,
    party: values.party ?? null,
    recordedByUserId: values.userId,
    recordedAt: values.at,
  });
}

export const contractEvents = (q: Queryable, contractId: string) =>
  q
    .select({
      id: occupancyContractEvents.id,
      event: occupancyContractEvents.event,
      occurredOn: occupancyContractEvents.occurredOn,
      note: occupancyContractEvents.note,
      party: occupancyContractEvents.party,
      recordedByName: users.fullName,
    })
    .from(occupancyContractEvents)
    .leftJoin(users, eq(users.id, occupancyContractEvents.recordedByUserId))
    .where(eq(occupancyContractEvents.contractId, contractId))
    .orderBy(
      asc(occupancyContractEvents.occurredOn),
      asc(occupancyContractEvents.recordedAt),
      // Events of one day recorded together (a slide, a demo) in their lifecycle order.
      sql`array_position(array[${sql.join(
        CONTRACT_EVENTS.map((e) => sql`${e}`),
        sql`, `,
      )}]::text[], ${occupancyContractEvents.event})`,
    );

export const contractDocuments = (q: Queryable, contractId: string) =>
  q
    .select({
      id: occupancyContractDocuments.id,
      label: occupancyContractDocuments.label,
      householdDocumentId: occupancyContractDocuments.householdDocumentId,
      fileName: householdDocuments.fileName,
      sensitivity: householdDocuments.sensitivity,
      createdAt: occupancyContractDocuments.createdAt,
    })
    .from(occupancyContractDocuments)
    .innerJoin(householdDocuments, eq(householdDocuments.id, occupancyContractDocuments.householdDocumentId))
    .where(eq(occupancyContractDocuments.contractId, contractId))
    .orderBy(asc(occupancyContractDocuments.createdAt));

/** A document of the household's file, with its confidentiality; null when it is not the household's. */
export async function householdDocument(q: Queryable, householdId: string, documentId: string) {
  const [row] = await q
    .select({ id: householdDocuments.id, sensitivity: householdDocuments.sensitivity })
    .from(householdDocuments)
    .where(and(eq(householdDocuments.id, documentId), eq(householdDocuments.householdId, householdId)));
  return row ?? null;
}

export async function insertContractDocument(
  q: Queryable,
  values: typeof occupancyContractDocuments.$inferInsert,
): Promise<boolean> {
  const rows = await q
    .insert(occupancyContractDocuments)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: occupancyContractDocuments.id });
  return rows.length === 1;
}

/** The evaluations of one review round. */
export const roundEvaluations = (q: Queryable, contractId: string, reviewOn: string) =>
  q
    .select({
      id: slidingEvaluations.id,
      party: slidingEvaluations.party,
      reviewOn: slidingEvaluations.reviewOn,
      evaluatedOn: slidingEvaluations.evaluatedOn,
      ratings: slidingEvaluations.ratings,
      comment: slidingEvaluations.comment,
      rowVersion: slidingEvaluations.rowVersion,
      recordedByName: users.fullName,
    })
    .from(slidingEvaluations)
    .leftJoin(users, eq(users.id, slidingEvaluations.recordedByUserId))
    .where(and(eq(slidingEvaluations.contractId, contractId), eq(slidingEvaluations.reviewOn, reviewOn)))
    .orderBy(asc(slidingEvaluations.party));

export async function insertEvaluation(q: Queryable, values: typeof slidingEvaluations.$inferInsert) {
  const rows = await q
    .insert(slidingEvaluations)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: slidingEvaluations.id });
  return rows.length === 1;
}

export async function updateEvaluation(
  q: Queryable,
  input: { id: string; rowVersion: number; values: Partial<typeof slidingEvaluations.$inferInsert> },
): Promise<boolean> {
  const rows = await q
    .update(slidingEvaluations)
    .set({ ...input.values, rowVersion: sql`${slidingEvaluations.rowVersion} + 1` })
    .where(and(eq(slidingEvaluations.id, input.id), eq(slidingEvaluations.rowVersion, input.rowVersion)))
    .returning({ id: slidingEvaluations.id });
  return rows.length === 1;
}
