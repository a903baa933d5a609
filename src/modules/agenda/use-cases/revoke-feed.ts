import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { revokeFeeds } from '../agenda.repository.ts';

/** Revokes the user's feed: its address answers as an unknown one from now on. */
export async function revokeFeed(ctx: Context): Promise<void> {
  const { db, actor, now } = ctx;
  for (const id of await revokeFeeds(db, actor.userId, now))
    await audit(db, actor, { action: 'agenda_feed.revoke', entityType: 'agenda_feed', entityId: id });
}
