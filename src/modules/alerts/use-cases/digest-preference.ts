import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TDigestPreference } from '../../../shared/contracts/alerts.ts';
import { hasOptedOut, setOptOut } from '../alerts.repository.ts';

/** Whether the user receives the daily email of alerts (yes unless they said no). */
export async function getDigestPreference(ctx: Context): Promise<TDigestPreference> {
  return { dailyDigest: !(await hasOptedOut(ctx.db, ctx.actor.userId)) };
}

/** The user's own choice about the daily email of alerts. */
export async function setDigestPreference(
  ctx: Context,
  input: TDigestPreference,
): Promise<TDigestPreference> {
  await setOptOut(ctx.db, { userId: ctx.actor.userId, optedOut: !input.dailyDigest });
  await audit(ctx.db, ctx.actor, {
    action: 'alert.digest.set',
    entityType: 'user',
    entityId: ctx.actor.userId,
    details: { dailyDigest: input.dailyDigest },
  });
  return getDigestPreference(ctx);
}
