import { and, asc, desc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { dwellings } from '../dwellings/schema.ts';
import { users } from '../identity/schema.ts';
import { occupancyContracts } from '../leases/schema.ts';
import { organisations } from '../organisations/schema.ts';
import type { AidFact } from '../../shared/alerts/aid-rules.ts';
import { housingAidEvents, housingAidRepayments, housingAids } from './schema.ts';

export type AidRow = typeof housingAids.$inferSelect;
export type AidEventRow = Awaited<ReturnType<typeof eventsOf>>[number];

/** A household's aids, latest request first, with the name of the organisation paid. */
export function householdAids(q: Queryable, householdId: string) {
  return q
    .select({ aid: housingAids, payeeName: organisations.name })
    .from(housingAids)
    .leftJoin(organisations, eq(organisations.id, housingAids.payeeOrganisationId))
    .where(eq(housingAids.householdId, householdId))
    .orderBy(desc(housingAids.requestedOn), desc(housingAids.createdAt));
}

/** The aid, when it is this household's; locked until the transaction ends when asked. */
export async function findAid(
  q: Queryable,
  householdId: string,
  aidId: string,
  options: { lock?: boolean } = {},
): Promise<AidRow | null> {
  const query = q
    .select()
    .from(housingAids)
    .where(and(eq(housingAids.id, aidId), eq(housingAids.householdId, householdId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Whether another aid already renews this one. */
export async function isRenewed(q: Queryable, aidId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: housingAids.id })
    .from(housingAids)
    .where(eq(housingAids.renewsAidId, aidId))
    .limit(1);
  return row !== undefined;
}

export function eventsOf(q: Queryable, aidIds: string[]) {
  if (aidIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      aidId: housingAidEvents.aidId,
      status: housingAidEvents.status,
      occurredOn: housingAidEvents.occurredOn,
      amountCents: housingAidEvents.amountCents,
      note: housingAidEvents.note,
      recordedByName: users.fullName,
    })
    .from(housingAidEvents)
    .leftJoin(users, eq(users.id, housingAidEvents.recordedByUserId))
    .where(inArray(housingAidEvents.aidId, aidIds))
    .orderBy(asc(housingAidEvents.occurredOn), asc(housingAidEvents.recordedAt));
}

export async function insertAid(q: Queryable, values: typeof housingAids.$inferInsert): Promise<AidRow> {
  const [row] = await q.insert(housingAids).values(values).returning();
  return row!;
}

/** Writes the change at the version read; null when someone changed the aid meanwhile. */
export async function updateAid(
  q: Queryable,
  input: { id: string; rowVersion: number; values: Partial<typeof housingAids.$inferInsert>; at: Date },
): Promise<AidRow | null> {
  const [row] = await q
    .update(housingAids)
    .set({ ...input.values, updatedAt: input.at, rowVersion: sql`${housingAids.rowVersion} + 1` })
    .where(and(eq(housingAids.id, input.id), eq(housingAids.rowVersion, input.rowVersion)))
    .returning();
  return row ?? null;
}

export async function insertAidEvent(q: Queryable, values: typeof housingAidEvents.$inferInsert) {
  await q.insert(housingAidEvents).values(values);
}

/** The household's contracts not ended, with their parties and dwelling: the rent accounts an aid may credit. */
export function householdContracts(q: Queryable, householdId: string) {
  return q
    .select({
      id: occupancyContracts.id,
      kind: occupancyContracts.kind,
      lessorOrganisationId: occupancyContracts.lessorOrganisationId,
      intermediaryOrganisationId: occupancyContracts.intermediaryOrganisationId,
      startOn: occupancyContracts.startOn,
      address: dwellings.address,
    })
    .from(occupancyContracts)
    .innerJoin(dwellings, eq(dwellings.id, occupancyContracts.dwellingId))
    .where(and(eq(occupancyContracts.householdId, householdId), ne(occupancyContracts.status, 'ended')))
    .orderBy(asc(occupancyContracts.startOn));
}
export type AidContract = Awaited<ReturnType<typeof householdContracts>>[number];

/** The contracts an aid names, ended or not, for their labels. */
export function contractsByIds(q: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return q
    .select({ id: occupancyContracts.id, kind: occupancyContracts.kind, address: dwellings.address })
    .from(occupancyContracts)
    .innerJoin(dwellings, eq(dwellings.id, occupancyContracts.dwellingId))
    .where(inArray(occupancyContracts.id, ids));
}

/** The repayments of these aids (loans), oldest first, with who recorded them. */
export function repaymentsOf(q: Queryable, aidIds: string[]) {
  if (aidIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      aidId: housingAidRepayments.aidId,
      paidOn: housingAidRepayments.paidOn,
      amountCents: housingAidRepayments.amountCents,
      recordedByName: users.fullName,
    })
    .from(housingAidRepayments)
    .leftJoin(users, eq(users.id, housingAidRepayments.recordedByUserId))
    .where(inArray(housingAidRepayments.aidId, aidIds))
    .orderBy(asc(housingAidRepayments.paidOn), asc(housingAidRepayments.recordedAt));
}
export type AidRepaymentRow = Awaited<ReturnType<typeof repaymentsOf>>[number];

export async function insertRepayment(q: Queryable, values: typeof housingAidRepayments.$inferInsert) {
  await q.insert(housingAidRepayments).values(values);
}

/**
 * What the alert rules read of the aids (all households, or one): those waiting for a decision, and
 * the loans paid out with a schedule, with what was repaid.
 */
export async function aidAlertFacts(q: Queryable, householdId?: string): Promise<AidFact[]> {
  const rows = await q
    .select({
      id: housingAids.id,
      householdId: housingAids.householdId,
      kind: housingAids.kind,
      funderName: housingAids.funderName,
      status: housingAids.status,
      requestedOn: housingAids.requestedOn,
      requestedByUserId: housingAids.createdByUserId,
      requestedByOrganisationId: housingAids.requestedByOrganisationId,
      repaymentSchedule: housingAids.repaymentSchedule,
      amountPaidCents: housingAids.amountPaidCents,
    })
    .from(housingAids)
    .where(
      and(
        or(
          eq(housingAids.status, 'requested'),
          and(eq(housingAids.status, 'paid'), isNotNull(housingAids.repaymentSchedule)),
        ),
        householdId ? eq(housingAids.householdId, householdId) : undefined,
      ),
    );
  const loans = rows.filter((r) => r.status === 'paid').map((r) => r.id);
  const totals = loans.length
    ? await q
        .select({
          aidId: housingAidRepayments.aidId,
          cents: sql<number>`sum(${housingAidRepayments.amountCents})::int`,
        })
        .from(housingAidRepayments)
        .where(inArray(housingAidRepayments.aidId, loans))
        .groupBy(housingAidRepayments.aidId)
    : [];
  const repaid = new Map(totals.map((t) => [t.aidId, t.cents]));
  return rows.map((r) => ({ ...r, repaidCents: repaid.get(r.id) ?? 0 }));
}
