import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { hashToken, newToken } from '../../identity/index.ts';
import { AGENDA_ROUTES } from '../../../shared/routes/agenda.ts';
import { routePath } from '../../../shared/routes/define.ts';
import { insertFeed, revokeFeeds } from '../agenda.repository.ts';

/**
 * A new secret feed address for the user (256 random bits; only its hash is kept), revoking the
 * previous one. The address is answered once.
 */
export async function createFeed(ctx: Context, input: { includeFamilyName: boolean }) {
  const { db, actor, now, config } = ctx;
  await revokeFeeds(db, actor.userId, now);
  const token = newToken(32);
  const feed = await insertFeed(db, {
    userId: actor.userId,
    tokenHash: hashToken(token),
    includeFamilyName: input.includeFamilyName,
    createdAt: now,
  });
  await audit(db, actor, {
    action: 'agenda_feed.create',
    entityType: 'agenda_feed',
    entityId: feed.id,
    details: { includeFamilyName: input.includeFamilyName },
  });
  return {
    url: `${config.publicUrl}${routePath(AGENDA_ROUTES.feed, { token })}`,
    createdAt: feed.createdAt.toISOString(),
  };
}
