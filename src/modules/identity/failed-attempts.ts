import { eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor.ts';
import type { Context } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db.ts';
import { audit } from '../../kernel/audit.ts';
import { unmatchedSignInAttempts, users } from './schema.ts';
import { afterFailure, type LockState } from './lockout.ts';
import { auditAuth } from './auth-audit.ts';
import { hashToken } from './sessions.ts';
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

const emailHashOf = (email: string) => hashToken(email.trim().toLowerCase());

/** The lock state of an address without an account (never failed: no lock). */
export async function unmatchedLockState(q: Queryable, email: string): Promise<LockState> {
  const [row] = await q
    .select({
      failedLoginCount: unmatchedSignInAttempts.failedLoginCount,
      lockedUntil: unmatchedSignInAttempts.lockedUntil,
    })
    .from(unmatchedSignInAttempts)
    .where(eq(unmatchedSignInAttempts.emailHash, emailHashOf(email)));
  return row ?? { failedLoginCount: 0, lockedUntil: null };
}

/**
 * A failed sign-in for an address without an account: counted, locked and traced as an account's
 * would be (same rule, same writes), so that neither the answer nor its time tells them apart.
 */
export async function recordUnmatchedFailure(
  ctx: Context<Actor | null>,
  email: string,
  state: LockState,
): Promise<Date | null> {
  const next = afterFailure(state, ctx.now, ctx.config.lockout);
  const lockedNow = next.lockedUntil !== state.lockedUntil ? next.lockedUntil : null;
  const details = { email, ip: ctx.client.ip };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(unmatchedSignInAttempts)
      .values({ emailHash: emailHashOf(email), ...next, updatedAt: ctx.now })
      .onConflictDoUpdate({
        target: unmatchedSignInAttempts.emailHash,
        set: { ...next, updatedAt: ctx.now },
      });
    await audit(tx, null, { action: 'auth.login_failed', entityType: 'user', details });
    if (lockedNow) {
      await audit(tx, null, {
        action: 'auth.locked',
        entityType: 'user',
        details: { ...details, until: lockedNow.toISOString() },
      });
    }
  });
  return lockedNow;
}
