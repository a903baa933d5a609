import type { Context } from '../../../kernel/context.ts';
import { activeFeedOf } from '../agenda.repository.ts';

/** Whether the user has an active feed (its address is shown only when created). */
export async function getFeedStatus(ctx: Context) {
  const feed = await activeFeedOf(ctx.db, ctx.actor.userId);
  return {
    active: feed !== null,
    createdAt: feed?.createdAt.toISOString() ?? null,
    includeFamilyName: feed?.includeFamilyName ?? false,
  };
}
