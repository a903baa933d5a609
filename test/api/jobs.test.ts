import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { inArray, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { startJobs } from '../../src/kernel/jobs.ts';
import { queryRows } from '../../src/kernel/db.ts';
import {
  deliverPendingEmails,
  mailDeliveryJob,
  sendEmail,
  type MailTransport,
} from '../../src/modules/mail/outbox.ts';
import { outboxEmails } from '../../src/modules/mail/schema.ts';

/** A transport that records every send, slow enough for two deliveries to overlap. */
function countingTransport(delayMs = 0) {
  const sent: string[] = [];
  const transport: MailTransport = {
    sendMail: async (m) => {
      await sleep(delayMs);
      sent.push(m.to);
    },
  };
  return { sent, transport };
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Condition non remplie après ${timeoutMs} ms`);
    await sleep(100);
  }
}

describe('background jobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const statuses = async (recipients: string[]) =>
    (
      await t.deps.db
        .select({ status: outboxEmails.status, attempts: outboxEmails.attempts })
        .from(outboxEmails)
        .where(inArray(outboxEmails.to, recipients))
    ).map((e) => `${e.status}/${e.attempts}`);

  it('runs mail delivery as a stately pg-boss job, scheduled every minute and kicked at start', async () => {
    await sendEmail(t.deps.db, { to: 'job@test.fr', subject: 'Par la file', text: 'Bonjour' });
    const { sent, transport } = countingTransport();
    const jobs = await startJobs(t.deps, [mailDeliveryJob(t.deps, transport)]);
    try {
      await waitFor(() => sent.length > 0);
      expect(sent).toEqual(['job@test.fr']);
      expect(await statuses(['job@test.fr'])).toEqual(['sent/1']);
      const result = await queryRows(
        t.deps.db,
        sql`select (select policy from pgboss.queue where name = 'mail-delivery') as policy,
                   (select cron from pgboss.schedule where name = 'mail-delivery') as cron`,
      );
      expect(result).toEqual([{ policy: 'stately', cron: '* * * * *' }]);
    } finally {
      await jobs.stop();
    }
  });

  it('sends each email once when two deliveries run at the same time', async () => {
    const recipients = Array.from({ length: 8 }, (_, i) => `concurrent-${i}@test.fr`);
    for (const to of recipients) await sendEmail(t.deps.db, { to, subject: 'Une fois', text: '…' });
    const { sent, transport } = countingTransport(20);
    const handled = await Promise.all([
      deliverPendingEmails(t.deps, transport),
      deliverPendingEmails(t.deps, transport),
    ]);
    expect(handled[0] + handled[1]).toBe(recipients.length);
    expect(sent.sort()).toEqual([...recipients].sort());
    expect(await statuses(recipients)).toEqual(recipients.map(() => 'sent/1'));
  });
});
