import type { Routes } from '../../kernel/routes.ts';
import { NOTIFICATION_ROUTES as R } from '../../shared/routes/notifications.ts';
import { listNotifications } from './use-cases/list-notifications.ts';
import { markNotificationsRead } from './use-cases/mark-notifications-read.ts';
import { listOrganisationOutbox } from './use-cases/list-organisation-outbox.ts';

/** The user's notifications and the administrators' outbox view (transport only). */
export function notificationsRoutes(routes: Routes): void {
  routes.add(R.list, (ctx, { query }) => listNotifications(ctx, query));
  routes.add(R.markRead, (ctx, { params }) => markNotificationsRead(ctx, { notificationId: params.id }));
  routes.add(R.markAllRead, (ctx) => markNotificationsRead(ctx));
  routes.add(R.outbox, (ctx, { query }) => listOrganisationOutbox(ctx, query));
}
