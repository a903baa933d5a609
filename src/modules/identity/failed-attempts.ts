import { eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor.ts';
import type { Context } from '../../kernel/context.ts';
import { users } from './schema.ts';
import { afterFailure } from './lockout.ts';
import { auditAuth } from './auth-audit.ts';
import type { UserRow } from './identity.repository.ts';

/**
 * Count a failed password or second-factor attempt and lock the account at the threshold, with
 * both traced. Returns the lock end when this attempt locked the account. Written in a transaction
 * of its own, which must be the outermost one: the request then fails, and the count must stay
 * (the caller's route runs without a request transaction, so `ctx.db` is the pool).
 */
export async function recordFailedAttempt(
  ctx: Context<Actor | null>,
  user: UserRow,
  action: 'auth.login_failed' | 'auth.second_factor_failed',
): Promise<Date | null> {
  const next = afterFailure(user, ctx.now, ctx.config.lockout);
  const lockedNow = next.lockedUntil !== user.lockedUntil ? next.lockedUntil : null;
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set(next).where(eq(users.id, user.id));
    await auditAuth(tx, { userId: user.id }, ctx.client, { action });
    if (lockedNow) {
      await auditAuth(tx, { userId: user.id }, ctx.client, {
        action: 'auth.locked',
        details: { until: lockedNow.toISOString() },
      });
    }
  });
  return lockedNow;
}
