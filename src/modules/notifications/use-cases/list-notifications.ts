import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import type { TNotificationPage, TNotificationsQuery } from '../../../shared/contracts/notifications.ts';
import { notifications } from '../schema.ts';
import { presentNotification } from '../notifications.presenter.ts';

/** The user's notifications, newest first, with how many are unread. */
export async function listNotifications(
  ctx: Context,
  query: TNotificationsQuery,
): Promise<TNotificationPage> {
  const q = ctx.db;
  const mine = eq(notifications.userId, ctx.actor.userId);
  const unread = and(mine, isNull(notifications.readAt)) as SQL;
  const where = query.unreadOnly ? unread : mine;
  const [rows, [total], [unreadCount]] = await Promise.all([
    q
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    q.select({ n: count() }).from(notifications).where(where),
    q.select({ n: count() }).from(notifications).where(unread),
  ]);
  return {
    items: rows.map(presentNotification),
    total: total?.n ?? 0,
    unreadCount: unreadCount?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
