import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../kernel/db.ts';
import { dwellingRents, dwellings } from '../dwellings/schema.ts';
import { users } from '../identity/schema.ts';
import { occupancyContracts } from '../leases/schema.ts';
import { organisations } from '../organisations/schema.ts';
import {
  rentAccounts,
  rentPostings,
  repaymentPlanMisses,
  repaymentPlans,
  type RentAccountRow,
  type RentPostingRow,
} from './schema.ts';

const lessor = alias(organisations, 'lessor');
const intermediary = alias(organisations, 'intermediary');

/** A contract as its account needs it: its parties, household, occupant and dwelling. */
export async function findContract(q: Queryable, contractId: string) {
  const [row] = await q
    .select({
      id: occupancyContracts.id,
      kind: occupancyContracts.kind,
      householdId: occupancyContracts.householdId,
      tenantName: occupancyContracts.tenantName,
      lessorOrganisationId: occupancyContracts.lessorOrganisationId,
      intermediaryOrganisationId: occupancyContracts.intermediaryOrganisationId,
      lessorName: sql<string | null>`coalesce(${lessor.name}, ${occupancyContracts.lessorName})`,
      intermediaryName: intermediary.name,
      dwellingId: occupancyContracts.dwellingId,
      dwellingAddress: dwellings.address,
      startOn: occupancyContracts.startOn,
      endOn: occupancyContracts.endOn,
    })
    .from(occupancyContracts)
    .innerJoin(dwellings, eq(dwellings.id, occupancyContracts.dwellingId))
    .leftJoin(lessor, eq(lessor.id, occupancyContracts.lessorOrganisationId))
    .leftJoin(intermediary, eq(intermediary.id, occupancyContracts.intermediaryOrganisationId))
    .where(eq(occupancyContracts.id, contractId));
  return row ?? null;
}
export type ContractRow = NonNullable<Awaited<ReturnType<typeof findContract>>>;

export async function findAccount(q: Queryable, contractId: string, forUpdate = false) {
  const query = q.select().from(rentAccounts).where(eq(rentAccounts.contractId, contractId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertAccount(
  q: Queryable,
  values: typeof rentAccounts.$inferInsert,
): Promise<RentAccountRow> {
  const [row] = await q.insert(rentAccounts).values(values).returning();
  return row!;
}

export const closeAccountRow = (q: Queryable, accountId: string, on: string) =>
  q.update(rentAccounts).set({ status: 'closed', closedOn: on }).where(eq(rentAccounts.id, accountId));

/** Every line of an account, in account order (day posted, then as recorded). */
export const accountPostings = (q: Queryable, accountId: string): Promise<RentPostingRow[]> =>
  q
    .select()
    .from(rentPostings)
    .where(eq(rentPostings.accountId, accountId))
    .orderBy(asc(rentPostings.postedOn), asc(rentPostings.seq));

/** Every line of the accounts of several contracts, each with its contract, in account order. */
export const contractsPostings = (q: Queryable, contractIds: readonly string[]) =>
  q
    .select({ contractId: rentAccounts.contractId, posting: rentPostings })
    .from(rentPostings)
    .innerJoin(rentAccounts, eq(rentAccounts.id, rentPostings.accountId))
    .where(inArray(rentAccounts.contractId, [...contractIds]))
    .orderBy(asc(rentPostings.postedOn), asc(rentPostings.seq));

/** Appends lines (never updated nor deleted). */
export async function insertPostings(
  q: Queryable,
  values: (typeof rentPostings.$inferInsert)[],
): Promise<RentPostingRow[]> {
  return q.insert(rentPostings).values(values).returning();
}

/** The months already called on an account (a call not reversed). */
export async function calledMonths(q: Queryable, accountId: string): Promise<string[]> {
  const reversal = alias(rentPostings, 'reversal');
  const rows = await q
    .selectDistinct({ month: rentPostings.periodMonth })
    .from(rentPostings)
    .leftJoin(reversal, eq(reversal.reversesPostingId, rentPostings.id))
    .where(
      and(
        eq(rentPostings.accountId, accountId),
        eq(rentPostings.kind, 'rent_call'),
        isNotNull(rentPostings.periodMonth),
        sql`${reversal.id} is null`,
      ),
    )
    .orderBy(asc(rentPostings.periodMonth));
  return rows.map((r) => r.month!);
}

/** The dwelling's rent and charges in force on a day (the latest change on or before it). */
export async function rentOn(q: Queryable, dwellingId: string, day: string) {
  const [row] = await q
    .select({ rentCents: dwellingRents.monthlyRentCents, chargesCents: dwellingRents.monthlyChargesCents })
    .from(dwellingRents)
    .where(and(eq(dwellingRents.dwellingId, dwellingId), lte(dwellingRents.effectiveFrom, day)))
    .orderBy(desc(dwellingRents.effectiveFrom))
    .limit(1);
  return row ?? null;
}

export const accountPlans = (q: Queryable, accountId: string) =>
  q
    .select()
    .from(repaymentPlans)
    .where(eq(repaymentPlans.accountId, accountId))
    .orderBy(desc(repaymentPlans.version));

/** The plans in force on open accounts (among `planIds` if given), with their contract, in a stable order. */
export const activePlansOfOpenAccounts = (q: Queryable, planIds?: string[]) =>
  q
    .select({ plan: repaymentPlans, contractId: rentAccounts.contractId })
    .from(repaymentPlans)
    .innerJoin(rentAccounts, eq(rentAccounts.id, repaymentPlans.accountId))
    .where(
      and(
        eq(repaymentPlans.status, 'active'),
        eq(rentAccounts.status, 'open'),
        planIds ? inArray(repaymentPlans.id, planIds) : undefined,
      ),
    )
    .orderBy(asc(repaymentPlans.id));

export async function insertPlan(q: Queryable, values: typeof repaymentPlans.$inferInsert) {
  const [row] = await q.insert(repaymentPlans).values(values).returning();
  return row!;
}

export const supersedePlan = (q: Queryable, planId: string, at: Date) =>
  q
    .update(repaymentPlans)
    .set({ status: 'superseded', supersededAt: at })
    .where(eq(repaymentPlans.id, planId));

/** Records the months of a plan found missed; answers those not recorded before. */
export async function recordMisses(
  q: Queryable,
  planId: string,
  misses: { month: string; shortfallCents: number }[],
  at: Date,
): Promise<string[]> {
  if (misses.length === 0) return [];
  const rows = await q
    .insert(repaymentPlanMisses)
    .values(misses.map((m) => ({ planId, ...m, recordedAt: at })))
    .onConflictDoNothing()
    .returning({ month: repaymentPlanMisses.month });
  return rows.map((r) => r.month);
}

export async function userNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
