import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../kernel/db.ts';
import type { TNotificationsQuery } from '../../../shared/contracts/notifications.ts';
import { notifications } from '../schema.ts';

/** The user's notifications, newest first, with how many are unread. */
export async function listNotifications(
  q: Queryable,
  options: { userId: string; query: TNotificationsQuery },
) {
  const { userId, query } = options;
  const mine = eq(notifications.userId, userId);
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
  return { rows, total: total?.n ?? 0, unreadCount: unreadCount?.n ?? 0 };
}
