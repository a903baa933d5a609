import type { AppDeps } from '../../kernel/deps.ts';
import { ALERT_RULE_LABELS } from '../../shared/contracts/alerts.ts';
import { formatDate } from '../../shared/format.ts';
import { parisDate } from '../../shared/time.ts';
import { sendEmail } from '../mail/index.ts';
import { alertRuleOf, listOpenTasksOf } from '../tasks/index.ts';
import { claimDigest, digestRecipients } from './alerts.repository.ts';

/**
 * The daily email of alerts: to each social worker who has open alert tasks that are new today or
 * due, one email per Paris day (a second run finds the day's digest recorded and sends nothing),
 * queued in the outbox in the transaction that records it. Like the other notification emails it
 * names no household: the kind of alert and its due date, and a link to the home page.
 */
export async function sendDailyDigests(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock();
  const today = parisDate(now);
  const recipients = await digestRecipients(deps.db);
  const byUser = new Map<string, { email: string; organisationIds: string[] }>();
  for (const r of recipients) {
    const entry = byUser.get(r.userId) ?? { email: r.email, organisationIds: [] };
    entry.organisationIds.push(r.organisationId);
    byUser.set(r.userId, entry);
  }
  let sent = 0;
  for (const [userId, { email, organisationIds }] of byUser) {
    const lines = new Map<string, string>();
    for (const organisationId of organisationIds) {
      for (const t of await listOpenTasksOf(deps.db, { userId, organisationId, at: now })) {
        const rule = alertRuleOf(t.alertKey);
        const isNew = parisDate(t.createdAt) === today;
        const isDue = t.dueOn !== null && t.dueOn <= today;
        if (t.source !== 'alert' || !rule || !(isNew || isDue)) continue;
        lines.set(
          t.id,
          `- ${ALERT_RULE_LABELS[rule]}${t.dueOn ? `, échéance le ${formatDate(t.dueOn)}` : ''}${isNew ? ' (nouvelle)' : ''}`,
        );
      }
    }
    if (lines.size === 0) continue;
    const queued = await deps.db.transaction(async (tx) => {
      if (!(await claimDigest(tx, { userId, day: today, taskCount: lines.size }))) return false;
      const count =
        lines.size === 1
          ? 'Une alerte est nouvelle ou arrivée'
          : `${lines.size} alertes sont nouvelles ou arrivées`;
      await sendEmail(tx, {
        to: email,
        subject: `[Relais] Vos alertes du ${formatDate(today)}`,
        text: `Bonjour,\n\n${count} à échéance dans vos tâches :\n${[...lines.values()].join('\n')}\n\nVous pouvez ne plus recevoir ce message depuis votre profil.\nPour voir vos tâches, connectez-vous à Relais :`,
        linkPath: '/',
      });
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}
