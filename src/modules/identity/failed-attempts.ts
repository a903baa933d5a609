import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../kernel/deps.ts';
import { users } from './schema.ts';
import { afterFailure } from './lockout.ts';
import { auditAuth } from './auth-audit.ts';
import type { RequestContext, UserRow } from './identity.repository.ts';

/**
 * Count a failed password or second-factor attempt and lock the account at the threshold, with
 * both traced. Returns the lock end when this attempt locked the account.
 */
export async function recordFailedAttempt(
  deps: AppDeps,
  user: UserRow,
  context: RequestContext,
  action: 'auth.login_failed' | 'auth.second_factor_failed',
): Promise<Date | null> {
  const next = afterFailure(user, deps.clock(), deps.config.lockout);
  const lockedNow = next.lockedUntil !== user.lockedUntil ? next.lockedUntil : null;
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set(next).where(eq(users.id, user.id));
    await auditAuth(tx, { userId: user.id }, context, { action });
    if (lockedNow) {
      await auditAuth(tx, { userId: user.id }, context, {
        action: 'auth.locked',
        details: { until: lockedNow.toISOString() },
      });
    }
  });
  return lockedNow;
}
