import { z } from 'zod';
import { ZId, ZPaging, zPage } from './common.ts';

export const ZNotification = z.object({
  id: ZId,
  /** Dotted event name, e.g. referral.received. */
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** Path inside the web app, e.g. /saisines/…. */
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationsQuery = ZPaging.extend({
  unreadOnly: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type TNotificationsQuery = z.infer<typeof ZNotificationsQuery>;

export const ZNotificationPage = zPage(ZNotification).extend({ unreadCount: z.number().int() });
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

export const EMAIL_STATUSES = ['pending', 'sent', 'failed', 'kept'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  pending: 'En attente d’envoi',
  sent: 'Envoyé',
  failed: 'Échec d’envoi',
  kept: 'Conservé (pas de serveur SMTP)',
};

export const ZOutboxEmail = z.object({
  id: ZId,
  to: z.string(),
  subject: z.string(),
  textBody: z.string(),
  status: z.enum(EMAIL_STATUSES),
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type TOutboxEmail = z.infer<typeof ZOutboxEmail>;

export const ZOutboxQuery = ZPaging;
export type TOutboxQuery = z.infer<typeof ZOutboxQuery>;

export const ZOutboxPage = zPage(ZOutboxEmail);
export type TOutboxPage = z.infer<typeof ZOutboxPage>;
