import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { tasks } from './schema.ts';

/**
 * Tasks other modules raise on their deadlines (a measure's renewal, a validation pending): one open
 * task per record at a time, closed as done when the record moves on.
 */
export interface RaisedTask {
  householdId: string;
  title: string;
  dueOn: string | null;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  /** The record whose deadline it is. */
  sourceId: string;
  createdByUserId: string | null;
  createdByOrganisationId: string | null;
  at: Date;
}

export async function raiseTask(q: Queryable, t: RaisedTask): Promise<void> {
  await closeTasksOf(q, { sourceId: t.sourceId, userId: t.createdByUserId, at: t.at });
  await q.insert(tasks).values({
    householdId: t.householdId,
    title: t.title,
    dueOn: t.dueOn,
    ownerUserId: t.ownerUserId,
    ownerOrganisationId: t.ownerUserId ? null : t.ownerOrganisationId,
    source: 'measure',
    sourceId: t.sourceId,
    createdByUserId: t.createdByUserId,
    createdByOrganisationId: t.createdByOrganisationId,
    createdAt: t.at,
    updatedAt: t.at,
  });
}

/** Closes, as done, the open tasks a record raised. */
export async function closeTasksOf(
  q: Queryable,
  input: { sourceId: string; userId: string | null; at: Date },
): Promise<void> {
  await q
    .update(tasks)
    .set({ status: 'done', closedAt: input.at, closedByUserId: input.userId, updatedAt: input.at })
    .where(and(eq(tasks.sourceId, input.sourceId), eq(tasks.source, 'measure'), eq(tasks.status, 'open')));
}
