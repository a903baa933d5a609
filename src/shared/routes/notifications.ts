import { ZIdParams } from '../contracts/common.ts';
import {
  ZNotificationPage,
  ZNotificationsQuery,
  ZOutboxPage,
  ZOutboxQuery,
} from '../contracts/notifications.ts';
import { defineRoute } from './define.ts';

const tag = 'notifications';

/** The user's in-app notifications, and the outbox of the organisation's emails for its administrators. */
export const NOTIFICATION_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/notifications',
    tag,
    summary: 'Mes notifications (les plus récentes d’abord) et le nombre de non lues',
    query: ZNotificationsQuery,
    response: ZNotificationPage,
  }),
  markRead: defineRoute({
    method: 'POST',
    path: '/api/notifications/:id/read',
    tag,
    summary: 'Marquer une notification comme lue',
    params: ZIdParams,
    response: null,
  }),
  markAllRead: defineRoute({
    method: 'POST',
    path: '/api/notifications/read-all',
    tag,
    summary: 'Marquer toutes mes notifications comme lues',
    response: null,
  }),
  outbox: defineRoute({
    method: 'GET',
    path: '/api/admin/outbox',
    tag,
    summary: 'E-mails envoyés ou conservés pour les membres et invités de mon organisation (administrateurs)',
    query: ZOutboxQuery,
    response: ZOutboxPage,
  }),
};
