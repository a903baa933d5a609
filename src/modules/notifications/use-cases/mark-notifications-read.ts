import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { notFound } from '../../../kernel/errors.ts';
import { notifications } from '../schema.ts';

/** Mark one of the user's notifications as read (404 if it is not theirs), or all of them. */
export async function markNotificationsRead(
  ctx: Context,
  options: { notificationId?: string } = {},
): Promise<void> {
  const { db: q, now } = ctx;
  const mine = eq(notifications.userId, ctx.actor.userId);
  if (options.notificationId) {
    const [row] = await q
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(mine, eq(notifications.id, options.notificationId)));
    if (!row) throw notFound('Notification introuvable.');
    if (row.readAt) return;
    await q.update(notifications).set({ readAt: now }).where(eq(notifications.id, options.notificationId));
    return;
  }
  await q
    .update(notifications)
    .set({ readAt: now })
    .where(and(mine, isNull(notifications.readAt)));
}
