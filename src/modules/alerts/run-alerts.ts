import type { Queryable } from '../../kernel/db.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { JobDefinition } from '../../kernel/jobs.ts';
import { alertsFor, type Alert } from '../../shared/alerts/rules.ts';
import { audit } from '../../kernel/audit.ts';
import { householdsWithOpenAlerts, reconcileAlertTasks, type AlertTaskChange } from '../tasks/index.ts';
import { allSettings, loadSnapshot } from './alerts.repository.ts';
import { sendDailyDigests } from './digest.ts';

export interface AlertRunOptions {
  /** Households reconciled per transaction. */
  batchSize?: number;
  /** Called inside each batch's transaction, after its writes (tests inject a failure here). */
  beforeCommit?: (householdIds: string[]) => Promise<void>;
}

/**
 * The daily run: computes every alert from one snapshot, then reconciles the alert tasks household
 * by household, in batches, each batch in one transaction. A failure rolls its batch back whole (no
 * household keeps part of its alerts) and stops the run; the batches before it stay, and the next
 * run picks up the rest, as every step is idempotent (see reconcileAlertTasks).
 */
export async function runAlerts(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  options: AlertRunOptions = {},
): Promise<{ households: number; opened: number; closed: number }> {
  const now = deps.clock();
  const wanted = alertsFor(await loadSnapshot(deps.db, now), now, await allSettings(deps.db));
  const byHousehold = new Map<string, Alert[]>();
  for (const a of wanted) byHousehold.set(a.householdId, [...(byHousehold.get(a.householdId) ?? []), a]);
  const households = [
    ...new Set([...byHousehold.keys(), ...(await householdsWithOpenAlerts(deps.db))]),
  ].sort();
  const wantedAnywhere = new Set(wanted.map((a) => a.key));
  const size = options.batchSize ?? 200;
  const totals = { households: households.length, opened: 0, closed: 0 };
  for (let i = 0; i < households.length; i += size) {
    const batch = households.slice(i, i + size);
    await deps.db.transaction(async (tx) => {
      const changes = await reconcileAlertTasks(tx, {
        householdIds: batch,
        wanted: batch.flatMap((h) => byHousehold.get(h) ?? []),
        wantedAnywhere,
        at: now,
      });
      await auditChanges(tx, changes);
      await options.beforeCommit?.(batch);
      for (const c of changes) {
        totals.opened += c.opened.length;
        totals.closed += c.closed.length;
      }
    });
  }
  return totals;
}

/**
 * Recomputes one household's alerts in the caller's transaction, right after a change to one of
 * its measures, referrals or contracts (the other modules reach it through the kernel's
 * household-change port).
 */
export async function recomputeHouseholdAlerts(
  q: Queryable,
  householdId: string,
  now: Date,
): Promise<Alert[]> {
  const wanted = alertsFor(await loadSnapshot(q, now, householdId), now, await allSettings(q));
  await auditChanges(q, await reconcileAlertTasks(q, { householdIds: [householdId], wanted, at: now }));
  return wanted;
}

/** The system's changes to each household's alert tasks, in the audit log with them. */
async function auditChanges(q: Queryable, changes: AlertTaskChange[]): Promise<void> {
  for (const c of changes) {
    await audit(q, null, {
      action: 'alert.tasks.update',
      entityType: 'household',
      entityId: c.householdId,
      householdId: c.householdId,
      details: { opened: c.opened, closed: c.closed },
    });
  }
}

/**
 * The `alerts` job: every morning at 06:30 in Paris (the cron is read in Europe/Paris, so the
 * hour holds across the daylight-saving changes) and once at start; then the daily emails.
 */
export function alertsJob(deps: Pick<AppDeps, 'db' | 'clock'>): JobDefinition {
  return {
    name: 'alerts',
    cron: '30 6 * * *',
    cronTimeZone: 'Europe/Paris',
    runAtStart: true,
    run: async () => {
      await runAlerts(deps);
      await sendDailyDigests(deps);
    },
  };
}
