import { and, eq, lt, notInArray } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import type { AppConfig } from '../../config.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { JobDefinition } from '../../kernel/jobs.ts';
import { outboxEmails } from './schema.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** A path in the web app (e.g. /saisines/…): the link is made absolute with the public URL. */
  linkPath?: string | null;
}

/** Attempts before an email is given up as failed. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Queue an email in the outbox, inside the caller's transaction: it leaves only if the change that
 * caused it is committed. The `mail-delivery` job sends it, or keeps it for the administrators when no
 * SMTP server is configured.
 */
export async function sendEmail(q: Queryable, email: OutgoingEmail): Promise<void> {
  await q.insert(outboxEmails).values({
    to: email.to.toLowerCase(),
    subject: email.subject,
    textBody: email.text,
    linkPath: email.linkPath ?? null,
  });
}

/** The text as the recipient reads it: the body, then the absolute link if any. */
export function renderEmailText(
  row: { textBody: string; linkPath: string | null },
  publicUrl: string,
): string {
  return row.linkPath ? `${row.textBody}\n\n${publicUrl.replace(/\/$/, '')}${row.linkPath}` : row.textBody;
}

/** What delivery needs from a mail transport (nodemailer's, or a fake in tests). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/** The configured SMTP transport; none without SMTP_URL. */
export function smtpTransport(config: AppConfig): MailTransport | null {
  return config.smtpUrl ? createTransport(config.smtpUrl) : null;
}

/**
 * Send the pending emails. Without SMTP they are marked `kept` and stay readable in the outbox.
 * Safe when several deliveries run at once (several app servers): each email is claimed with
 * `FOR UPDATE SKIP LOCKED` in its own short transaction, held until it is marked, so no two
 * deliveries send the same email. Returns how many were handled.
 */
export async function deliverPendingEmails(
  deps: Pick<AppDeps, 'db' | 'config' | 'clock'>,
  transport: MailTransport | null = smtpTransport(deps.config),
  batchSize = 20,
): Promise<number> {
  if (!transport) {
    const kept = await deps.db
      .update(outboxEmails)
      .set({ status: 'kept' })
      .where(eq(outboxEmails.status, 'pending'))
      .returning({ id: outboxEmails.id });
    return kept.length;
  }
  // A failed email stays pending for a later round, not for another try in this one.
  const handled: string[] = [];
  while (handled.length < batchSize) {
    const id = await deps.db.transaction(async (tx) => {
      const [email] = await tx
        .select()
        .from(outboxEmails)
        .where(
          and(
            eq(outboxEmails.status, 'pending'),
            lt(outboxEmails.attempts, MAX_DELIVERY_ATTEMPTS),
            handled.length ? notInArray(outboxEmails.id, handled) : undefined,
          ),
        )
        .orderBy(outboxEmails.createdAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!email) return null;
      await attemptDelivery(tx, deps, transport, email);
      return email.id;
    });
    if (!id) break;
    handled.push(id);
  }
  return handled.length;
}

async function attemptDelivery(
  tx: Queryable,
  deps: Pick<AppDeps, 'config' | 'clock'>,
  transport: MailTransport,
  email: typeof outboxEmails.$inferSelect,
): Promise<void> {
  try {
    await transport.sendMail({
      from: deps.config.mailFrom,
      to: email.to,
      subject: email.subject,
      text: renderEmailText(email, deps.config.publicUrl),
    });
    await tx
      .update(outboxEmails)
      .set({ status: 'sent', sentAt: deps.clock(), attempts: email.attempts + 1, error: null })
      .where(eq(outboxEmails.id, email.id));
  } catch (error) {
    const attempts = email.attempts + 1;
    await tx
      .update(outboxEmails)
      .set({
        attempts,
        status: attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'pending',
        error: error instanceof Error ? error.message : String(error),
      })
      .where(eq(outboxEmails.id, email.id));
  }
}

/**
 * The `mail-delivery` job: every minute and once at start; pg-boss runs one at a time across the
 * app servers. The transport is a parameter so tests can pass a fake.
 */
export function mailDeliveryJob(
  deps: Pick<AppDeps, 'db' | 'config' | 'clock'>,
  transport: MailTransport | null = smtpTransport(deps.config),
): JobDefinition {
  return {
    name: 'mail-delivery',
    cron: '* * * * *',
    runAtStart: true,
    run: async () => {
      await deliverPendingEmails(deps, transport);
    },
  };
}
