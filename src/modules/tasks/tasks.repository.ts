import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { householdVisibleTo, partyIsCurrent } from '../households/index.ts';
import { householdParties, households } from '../households/schema.ts';
import { memberships, users } from '../identity/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { diagnostics } from '../diagnostics/schema.ts';
import { referrals } from '../referrals/schema.ts';
import { tasks } from './schema.ts';

const taskColumns = {
  id: tasks.id,
  householdId: tasks.householdId,
  fileNumber: households.fileNumber,
  title: tasks.title,
  dueOn: tasks.dueOn,
  status: tasks.status,
  source: tasks.source,
  sourceId: tasks.sourceId,
  alertKey: tasks.alertKey,
  ownerUserId: tasks.ownerUserId,
  ownerName: users.fullName,
  ownerOrganisationId: tasks.ownerOrganisationId,
  ownerOrganisationName: organisations.name,
  closedAt: tasks.closedAt,
  closedReason: tasks.closedReason,
  createdAt: tasks.createdAt,
};

function tasksWhere(q: Queryable, condition: SQL | undefined) {
  return q
    .select(taskColumns)
    .from(tasks)
    .innerJoin(households, eq(households.id, tasks.householdId))
    .leftJoin(users, eq(users.id, tasks.ownerUserId))
    .leftJoin(organisations, eq(organisations.id, tasks.ownerOrganisationId))
    .where(condition);
}
export type TaskRecord = Awaited<ReturnType<typeof tasksWhere>>[number];

/** Soonest due first, undated last. */
const byDueDate = sql`${tasks.dueOn} asc nulls last`;

/**
 * Open tasks owned by the user, or by its organisation on households where the user is that
 * organisation's named caseworker, or where the organisation names none yet (a referral it has not
 * answered: every one of its social workers sees the alert); only on households the organisation
 * is a current party to.
 */
export function listOpenTasksOf(q: Queryable, input: { userId: string; organisationId: string; at: Date }) {
  const caseworkerOfOrganisation = (who: SQL) =>
    sql`exists (select 1 from ${householdParties} where ${and(
      eq(householdParties.householdId, tasks.householdId),
      eq(householdParties.organisationId, input.organisationId),
      who,
      partyIsCurrent(input.at),
    )})`;
  const iAmCaseworker = or(
    caseworkerOfOrganisation(eq(householdParties.caseworkerUserId, input.userId)),
    sql`not ${caseworkerOfOrganisation(sql`${householdParties.caseworkerUserId} is not null`)}`,
  );
  // A referral waiting for the organisation's answer: its alert shows before the file opens to it.
  const referralToMe = and(
    eq(tasks.source, 'alert'),
    sql`exists (select 1 from ${referrals} where ${referrals.id} = ${tasks.sourceId} and ${referrals.toOrganisationId} = ${input.organisationId})`,
  );
  return tasksWhere(
    q,
    and(
      eq(tasks.status, 'open'),
      or(householdVisibleTo(input.organisationId, input.at), referralToMe),
      or(
        eq(tasks.ownerUserId, input.userId),
        and(eq(tasks.ownerOrganisationId, input.organisationId), iAmCaseworker),
      ),
    ),
  ).orderBy(byDueDate, asc(tasks.createdAt));
}

/** The household's tasks: open ones by due date, then closed ones, latest closed first. */
export const listHouseholdTasks = (q: Queryable, householdId: string) =>
  tasksWhere(q, eq(tasks.householdId, householdId)).orderBy(
    sql`${tasks.status} <> 'open'`,
    byDueDate,
    desc(tasks.closedAt),
    asc(tasks.createdAt),
  );

export async function findTask(q: Queryable, householdId: string, taskId: string) {
  const [row] = await tasksWhere(q, and(eq(tasks.id, taskId), eq(tasks.householdId, householdId)));
  return row ?? null;
}

export async function insertTask(q: Queryable, values: typeof tasks.$inferInsert): Promise<string> {
  const [row] = await q.insert(tasks).values(values).returning({ id: tasks.id });
  return row!.id;
}

/** Closes an open task; false when it was closed already (two closings cannot both pass). */
export async function closeOpenTask(
  q: Queryable,
  input: { id: string; status: 'done' | 'dismissed'; reason: string | null; userId: string; at: Date },
): Promise<boolean> {
  const rows = await q
    .update(tasks)
    .set({
      status: input.status,
      closedReason: input.reason,
      closedAt: input.at,
      closedByUserId: input.userId,
      updatedAt: input.at,
    })
    .where(and(eq(tasks.id, input.id), eq(tasks.status, 'open')))
    .returning({ id: tasks.id });
  return rows.length > 0;
}

export async function userExists(q: Queryable, userId: string): Promise<boolean> {
  const [row] = await q.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return row !== undefined;
}

export async function organisationExists(q: Queryable, organisationId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row !== undefined;
}

/** Whether the user belongs to an organisation that is a current party to the household. */
export async function isMemberOfCurrentParty(
  q: Queryable,
  input: { userId: string; householdId: string; at: Date },
): Promise<boolean> {
  const [row] = await q
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .innerJoin(householdParties, eq(householdParties.organisationId, memberships.organisationId))
    .where(
      and(
        eq(memberships.userId, input.userId),
        eq(householdParties.householdId, input.householdId),
        partyIsCurrent(input.at),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function isDiagnosticOf(q: Queryable, diagnosticId: string, householdId: string) {
  const [row] = await q
    .select({ id: diagnostics.id })
    .from(diagnostics)
    .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.householdId, householdId)));
  return row !== undefined;
}
