import type { ZApp } from '../../kernel/zod-app.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { actorOf } from '../../kernel/actor.ts';
import { ZIdParams } from '../../shared/contracts/common.ts';
import {
  ZNotificationPage,
  ZNotificationsQuery,
  ZOutboxPage,
  ZOutboxQuery,
} from '../../shared/contracts/notifications.ts';
import { listNotifications } from './use-cases/list-notifications.ts';
import { markNotificationsRead } from './use-cases/mark-notifications-read.ts';
import { listOrganisationOutbox } from './use-cases/list-organisation-outbox.ts';
import { presentNotification, presentOutboxEmail } from './notifications.presenter.ts';

export async function notificationsRoutes(app: ZApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mes notifications (les plus récentes d’abord) et le nombre de non lues',
        querystring: ZNotificationsQuery,
        response: { 200: ZNotificationPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total, unreadCount } = await listNotifications(deps.db, {
        userId: actor.userId,
        query: request.query,
      });
      return {
        items: rows.map(presentNotification),
        total,
        unreadCount,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: { tags: ['notifications'], summary: 'Marquer une notification comme lue', params: ZIdParams },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await markNotificationsRead(deps.db, {
        userId: actor.userId,
        notificationId: request.params.id,
        now: deps.clock(),
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { tags: ['notifications'], summary: 'Marquer toutes mes notifications comme lues' } },
    async (request, reply) => {
      await markNotificationsRead(deps.db, { userId: actorOf(request).userId, now: deps.clock() });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/admin/outbox',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'E-mails envoyés ou conservés pour les membres et invités de mon organisation (administrateurs)',
        querystring: ZOutboxQuery,
        response: { 200: ZOutboxPage },
      },
    },
    async (request) => {
      const { rows, total } = await listOrganisationOutbox(deps.db, {
        actor: actorOf(request),
        query: request.query,
      });
      return {
        items: rows.map((e) => presentOutboxEmail(e, deps.config.publicUrl)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
}
