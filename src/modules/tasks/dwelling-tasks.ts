import { and, asc, eq, gt, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import type { GlaTaskKind } from '../../shared/partnerships/gla-plan.ts';
import { users } from '../identity/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { tasks } from './schema.ts';

/**
 * The tasks of a GLA plan (ADR 0029): about a dwelling made available under a convention, with no
 * household, in their owner's « Mes tâches » like any other task. The partnerships module writes them
 * and reads them back; `sourceId` is the convention's dwelling entry.
 */
export interface GlaTaskToWrite {
  /** The convention's dwelling entry. */
  sourceId: string;
  dwellingId: string;
  kind: GlaTaskKind;
  title: string;
  dueOn: string;
  ownerUserId: string;
  organisationId: string;
  at: Date;
}

/** Adds the plan's tasks not already there (one per entry, kind and due day); answers how many were added. */
export async function writeGlaTasks(q: Queryable, rows: readonly GlaTaskToWrite[]): Promise<number> {
  if (rows.length === 0) return 0;
  const added = await q
    .insert(tasks)
    .values(
      rows.map((r) => ({
        householdId: null,
        dwellingId: r.dwellingId,
        glaKind: r.kind,
        title: r.title,
        dueOn: r.dueOn,
        ownerUserId: r.ownerUserId,
        source: 'gla' as const,
        sourceId: r.sourceId,
        createdByUserId: r.ownerUserId,
        createdByOrganisationId: r.organisationId,
        createdAt: r.at,
        updatedAt: r.at,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: tasks.id });
  return added.length;
}

/** The GLA tasks of these entries due within the days, with their state and who sees them. */
export function glaTasksOf(q: Queryable, sourceIds: readonly string[], days: { from: string; to: string }) {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      id: tasks.id,
      sourceId: tasks.sourceId,
      kind: tasks.glaKind,
      dueOn: tasks.dueOn,
      status: tasks.status,
      closedAt: tasks.closedAt,
      ownerName: users.fullName,
      ownerOrganisationName: organisations.name,
    })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.ownerUserId))
    .leftJoin(organisations, eq(organisations.id, tasks.ownerOrganisationId))
    .where(
      and(
        eq(tasks.source, 'gla'),
        isNotNull(tasks.glaKind),
        inArray(tasks.sourceId, [...sourceIds]),
        gte(tasks.dueOn, days.from),
        lte(tasks.dueOn, days.to),
      ),
    )
    .orderBy(asc(tasks.dueOn), asc(tasks.glaKind));
}

/**
 * The dwelling left the convention: its open GLA tasks due after its last day are dismissed, with the
 * reason, in the caller's transaction. Answers how many.
 */
export async function dismissGlaTasksAfter(
  q: Queryable,
  input: { sourceId: string; lastDay: string; reason: string; userId: string; at: Date },
): Promise<number> {
  const closed = await q
    .update(tasks)
    .set({
      status: 'dismissed',
      closedReason: input.reason,
      closedAt: input.at,
      closedByUserId: input.userId,
      updatedAt: input.at,
    })
    .where(
      and(
        eq(tasks.source, 'gla'),
        eq(tasks.sourceId, input.sourceId),
        eq(tasks.status, 'open'),
        gt(tasks.dueOn, input.lastDay),
      ),
    )
    .returning({ id: tasks.id });
  return closed.length;
}
