import type { TNotification, TOutboxEmail } from '../../shared/contracts/notifications.ts';
import type { notifications } from './schema.ts';
import type { outboxEmails } from '../mail/schema.ts';
import { renderEmailText } from '../mail/index.ts';

export const presentNotification = (n: typeof notifications.$inferSelect): TNotification => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

export const presentOutboxEmail = (e: typeof outboxEmails.$inferSelect, publicUrl: string): TOutboxEmail => ({
  id: e.id,
  to: e.to,
  subject: e.subject,
  textBody: renderEmailText(e, publicUrl),
  status: e.status,
  attempts: e.attempts,
  error: e.error,
  createdAt: e.createdAt.toISOString(),
  sentAt: e.sentAt?.toISOString() ?? null,
});
