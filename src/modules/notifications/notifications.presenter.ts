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

/** A link that carries a personal token (invitation, password reset). */
const PERSONAL_LINK = /https?:\/\/\S*[?&]token=\S+/g;

/**
 * An email as the organisation's administrators may read it: a personal link is masked, since
 * whoever holds it could accept the invitation or choose the password in the recipient's place.
 */
export const presentOutboxEmail = (e: typeof outboxEmails.$inferSelect, publicUrl: string): TOutboxEmail => ({
  id: e.id,
  to: e.to,
  subject: e.subject,
  textBody: renderEmailText(e, publicUrl).replace(
    PERSONAL_LINK,
    '[lien personnel masqué : seul le destinataire peut l’ouvrir]',
  ),
  status: e.status,
  attempts: e.attempts,
  error: e.error,
  createdAt: e.createdAt.toISOString(),
  sentAt: e.sentAt?.toISOString() ?? null,
});
