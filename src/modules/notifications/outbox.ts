import { and, eq, lt, sql } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import type { Queryable } from '../../kernel/db.ts';
import type { AppDeps } from '../../kernel/deps.ts';
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
 * caused it is committed. The delivery loop sends it, or keeps it for the administrators when no
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

/**
 * Send the pending emails. Without SMTP they are marked `kept` and stay readable in the outbox.
 * Returns how many were handled.
 */
export async function deliverPendingEmails(
  deps: Pick<AppDeps, 'db' | 'config' | 'clock'>,
  transport: MailTransport | null = deps.config.smtpUrl ? createTransport(deps.config.smtpUrl) : null,
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
  const batch = await deps.db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.status, 'pending'), lt(outboxEmails.attempts, MAX_DELIVERY_ATTEMPTS)))
    .orderBy(outboxEmails.createdAt)
    .limit(batchSize);
  for (const email of batch) {
    try {
      await transport.sendMail({
        from: deps.config.mailFrom,
        to: email.to,
        subject: email.subject,
        text: renderEmailText(email, deps.config.publicUrl),
      });
      await deps.db
        .update(outboxEmails)
        .set({
          status: 'sent',
          sentAt: deps.clock(),
          attempts: sql`${outboxEmails.attempts} + 1`,
          error: null,
        })
        .where(eq(outboxEmails.id, email.id));
    } catch (error) {
      const attempts = email.attempts + 1;
      await deps.db
        .update(outboxEmails)
        .set({
          attempts,
          status: attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'pending',
          error: error instanceof Error ? error.message : String(error),
        })
        .where(eq(outboxEmails.id, email.id));
    }
  }
  return batch.length;
}

/**
 * Run the delivery loop in the server process; returns the function that stops it. Rounds never
 * overlap: a slow SMTP server delays the next round instead of sending twice.
 */
export function startMailDelivery(deps: AppDeps, intervalMs = 15_000): () => void {
  let running = false;
  let stopped = false;
  const round = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await deliverPendingEmails(deps);
    } catch (error) {
      console.error('Envoi des e-mails en échec', error);
    } finally {
      running = false;
    }
  };
  void round();
  const timer = setInterval(() => void round(), intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
