import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../kernel/db.ts';
import { partyIsCurrent } from '../households/index.ts';
import { householdParties, households } from '../households/schema.ts';
import { memberships, users } from '../identity/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { diagnostics } from '../diagnostics/schema.ts';
import { dwellings } from '../dwellings/schema.ts';
import { referrals } from '../referrals/schema.ts';
import { tasks } from './schema.ts';

const taskColumns = {
  id: tasks.id,
  householdId: tasks.householdId,
  fileNumber: households.fileNumber,
  dwellingId: tasks.dwellingId,
  dwellingAddress: dwellings.address,
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
  createdByOrganisationId: tasks.createdByOrganisationId,
  createdAt: tasks.createdAt,
};

function tasksWhere(q: Queryable, condition: SQL | undefined) {
  return q
    .select(taskColumns)
    .from(tasks)
    .leftJoin(households, eq(households.id, tasks.householdId))
    .leftJoin(dwellings, eq(dwellings.id, tasks.dwellingId))
    .leftJoin(users, eq(users.id, tasks.ownerUserId))
    .leftJoin(organisations, eq(organisations.id, tasks.ownerOrganisationId))
    .where(condition);
}
export type TaskRecord = Awaited<ReturnType<typeof tasksWhere>>[number];

/** Soonest due first, undated last. */
const byDueDate = sql`${tasks.dueOn} asc nulls last`;

/**
 * The ids of the open tasks owned by the user, or by its organisation on households where the user
 * is that organisation's named caseworker, or where the organisation names none yet (a referral it
 * has not answered: every one of its social workers sees the alert); only on households the
 * organisation is a current party to. Two branches, one per owner column, each read from its partial
 * index (`tasks_open_user_idx`, `tasks_open_organisation_idx`) in due-date order: the owner filters
 * first, the household conditions are checked on those tasks only (no join over every household).
 */
function openTasksOf(input: { userId: string; organisationId: string; at: Date }) {
  const partyOfOrganisation = (who: SQL | undefined) =>
    sql`exists (select 1 from ${householdParties} where ${and(
      eq(householdParties.householdId, tasks.householdId),
      eq(householdParties.organisationId, input.organisationId),
      who,
      partyIsCurrent(input.at),
    )})`;
  const iAmCaseworker = or(
    partyOfOrganisation(eq(householdParties.caseworkerUserId, input.userId)),
    sql`not ${partyOfOrganisation(sql`${householdParties.caseworkerUserId} is not null`)}`,
  );
  // A referral waiting for the organisation's answer: its alert shows before the file opens to it.
  const referralToMe = and(
    eq(tasks.source, 'alert'),
    sql`exists (select 1 from ${referrals} where ${referrals.id} = ${tasks.sourceId} and ${referrals.toOrganisationId} = ${input.organisationId})`,
  );
  // A dwelling's task (a GLA plan's) has no household: its owner sees it.
  const visible = or(partyOfOrganisation(undefined), referralToMe, isNull(tasks.householdId));
  const columns = sql`${tasks.id} as id, ${tasks.dueOn} as due_on, ${tasks.createdAt} as created_at`;
  return sql`select ${columns} from ${tasks} where ${and(
    eq(tasks.status, 'open'),
    eq(tasks.ownerUserId, input.userId),
    visible,
  )} union all select ${columns} from ${tasks} where ${and(
    eq(tasks.status, 'open'),
    eq(tasks.ownerOrganisationId, input.organisationId),
    sql`${tasks.ownerUserId} is distinct from ${input.userId}`,
    iAmCaseworker,
    visible,
  )}`;
}

/** The open tasks' rows, in the order of their ids. */
async function tasksInOrder(q: Queryable, ids: string[]): Promise<TaskRecord[]> {
  if (ids.length === 0) return [];
  const rows = await tasksWhere(q, inArray(tasks.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Soonest due first, undated last, then oldest first: the order of the open tasks' indexes. */
const openOrder = sql`order by due_on asc nulls last, created_at asc, id asc`;

/** All the open tasks of the user (see openTasksOf), soonest due first (the daily digest). */
export async function listOpenTasksOf(
  q: Queryable,
  input: { userId: string; organisationId: string; at: Date },
) {
  const ids = await queryRows<{ id: string }>(q, sql`select id from (${openTasksOf(input)}) t ${openOrder}`);
  return tasksInOrder(
    q,
    ids.map((r) => r.id),
  );
}

/** A page of the open tasks of the user (see openTasksOf), soonest due first, and their count. */
export async function pageOpenTasksOf(
  q: Queryable,
  input: { userId: string; organisationId: string; at: Date },
  paging: { page: number; pageSize: number },
) {
  const [ids, [count]] = await Promise.all([
    queryRows<{ id: string }>(
      q,
      sql`select id from (${openTasksOf(input)}) t ${openOrder} limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`,
    ),
    queryRows<{ total: number }>(q, sql`select count(*)::int as total from (${openTasksOf(input)}) t`),
  ]);
  return {
    rows: await tasksInOrder(
      q,
      ids.map((r) => r.id),
    ),
    total: count!.total,
  };
}

/** The household's tasks: open ones by due date, then closed ones, latest closed first. */
export const listHouseholdTasks = (q: Queryable, householdId: string) =>
  tasksWhere(q, eq(tasks.householdId, householdId)).orderBy(
    sql`${tasks.status} <> 'open'`,
    byDueDate,
    desc(tasks.closedAt),
    asc(tasks.createdAt),
  );

export async function findTask(q: Queryable, householdId: string | null, taskId: string) {
  const [row] = await tasksWhere(
    q,
    and(
      eq(tasks.id, taskId),
      householdId === null ? isNull(tasks.householdId) : eq(tasks.householdId, householdId),
    ),
  );
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
