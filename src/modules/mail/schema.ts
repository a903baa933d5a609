import { index, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';

export const emailStatus = pgEnum('email_status', ['pending', 'sent', 'failed', 'kept']);

/** Every email goes through here; without SMTP they stay as `kept`, readable by an administrator. */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: id(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    /** Path in the web app, made absolute with the public URL when the email is read or sent. */
    linkPath: text('link_path'),
    status: emailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    createdAt: createdAt(),
    sentAt: tstz('sent_at'),
  },
  (t) => [index('outbox_emails_created_idx').on(t.createdAt)],
);
