import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { tasks } from './schema.ts';

/** An alert the daily run wants open (see src/shared/alerts/rules.ts). */
export interface WantedAlert {
  key: string;
  householdId: string;
  /** The record it is about (a referral's alert links to the referral). */
  sourceId: string;
  title: string;
  dueOn: string;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
}

/** An alert task's household (an alert is always about one; only a GLA plan's task has none). */
const alertHousehold = sql<string>`${tasks.householdId}`;

/** Why an alert task closed by itself, in the words its owner reads. */
export const ALERT_GONE_REASON =
  'Close automatiquement : la situation qui avait déclenché l’alerte a changé.';

/**
 * Brings the households' alert tasks in line with the alerts wanted for them, in the caller's
 * transaction: opens a task for each wanted key that has none open and was never dismissed (a key
 * dismissed by its owner stays closed), leaves the open ones as they are, and closes as done, with
 * an automatic reason, the open ones no longer wanted. The unique index on the open keys makes a
 * concurrent run's insert a no-op instead of a duplicate. Returns what changed, by household.
 */
export async function reconcileAlertTasks(
  q: Queryable,
  input: {
    householdIds: string[];
    /** The alerts filed on these households. */
    wanted: WantedAlert[];
    /**
     * Keys the run wants anywhere (default: those of `wanted`): an alert whose household moved
     * (a caseload filed on the caseworker's latest household) is left open, not closed here.
     */
    wantedAnywhere?: ReadonlySet<string>;
    at: Date;
  },
): Promise<AlertTaskChange[]> {
  if (input.householdIds.length === 0) return [];
  const keys = input.wanted.map((w) => w.key);
  const existing = await q
    .select({
      id: tasks.id,
      key: tasks.alertKey,
      status: tasks.status,
      householdId: alertHousehold,
      title: tasks.title,
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.source, 'alert'),
        isNotNull(tasks.alertKey),
        keys.length
          ? or(inArray(tasks.householdId, input.householdIds), inArray(tasks.alertKey, keys))
          : inArray(tasks.householdId, input.householdIds),
        sql`(${tasks.status} = 'open' or ${tasks.status} = 'dismissed')`,
      ),
    );
  const open = new Set(existing.filter((t) => t.status === 'open').map((t) => t.key));
  const dismissed = new Set(existing.filter((t) => t.status === 'dismissed').map((t) => t.key));
  const stillWanted = input.wantedAnywhere ?? new Set(keys);
  const inBatch = new Set(input.householdIds);
  const toOpen = input.wanted.filter((w) => !open.has(w.key) && !dismissed.has(w.key));
  const gone = existing.filter(
    (t) => t.status === 'open' && inBatch.has(t.householdId) && !stillWanted.has(t.key!),
  );
  const opened = toOpen.length
    ? await q
        .insert(tasks)
        .values(
          toOpen.map((w) => ({
            householdId: w.householdId,
            title: w.title,
            dueOn: w.dueOn,
            ownerUserId: w.ownerUserId,
            ownerOrganisationId: w.ownerUserId ? null : w.ownerOrganisationId,
            source: 'alert' as const,
            sourceId: w.sourceId,
            alertKey: w.key,
            createdAt: input.at,
            updatedAt: input.at,
          })),
        )
        .onConflictDoNothing()
        .returning({ householdId: alertHousehold, title: tasks.title })
    : [];
  const closed = gone.length
    ? await q
        .update(tasks)
        .set({ status: 'done', closedAt: input.at, closedReason: ALERT_GONE_REASON, updatedAt: input.at })
        .where(
          and(
            inArray(
              tasks.id,
              gone.map((t) => t.id),
            ),
            eq(tasks.status, 'open'),
          ),
        )
        .returning({ householdId: alertHousehold, title: tasks.title })
    : [];
  const touched = new Set([...opened, ...closed].map((t) => t.householdId));
  return [...touched].map((householdId) => ({
    householdId,
    opened: opened.filter((t) => t.householdId === householdId).map((t) => t.title),
    closed: closed.filter((t) => t.householdId === householdId).map((t) => t.title),
  }));
}

/** What a reconciliation changed on one household: the titles of the tasks opened and closed. */
export interface AlertTaskChange {
  householdId: string;
  opened: string[];
  closed: string[];
}

/** The households that have open alert tasks (a run must look at them even when nothing is wanted). */
export async function householdsWithOpenAlerts(q: Queryable): Promise<string[]> {
  const rows = await q
    .selectDistinct({ householdId: alertHousehold })
    .from(tasks)
    // The predicate of the open-alert unique index: read through it, not through every task ever made.
    .where(and(eq(tasks.source, 'alert'), eq(tasks.status, 'open'), isNotNull(tasks.alertKey)));
  return rows.map((r) => r.householdId);
}
