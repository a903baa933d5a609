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

type FailureAction = 'auth.login_failed' | 'auth.second_factor_failed';

/**
 * One more failure on a lock state: the new state stored and the failure traced (with the lock,
 * when this failure sets one) in a transaction of its own, which must be the outermost one: the
 * request then fails, and the count must stay (the caller's route runs without a request
 * transaction, so `ctx.db` is the pool). Returns the lock end when this failure locked.
 */
async function countFailure(
  ctx: Context<Actor | null>,
  state: LockState,
  action: FailureAction,
  store: (tx: Queryable, next: LockState) => Promise<void>,
  trace: (
    tx: Queryable,
    action: 'auth.locked' | FailureAction,
    details?: Record<string, unknown>,
  ) => Promise<void>,
): Promise<Date | null> {
  const next = afterFailure(state, ctx.now, ctx.config.lockout);
  const lockedNow = next.lockedUntil !== state.lockedUntil ? next.lockedUntil : null;
  await ctx.db.transaction(async (tx) => {
    await store(tx, next);
    await trace(tx, action);
    if (lockedNow) await trace(tx, 'auth.locked', { until: lockedNow.toISOString() });
  });
  return lockedNow;
}

/** A failed password or second-factor attempt on an account (see countFailure). */
export const recordFailedAttempt = (ctx: Context<Actor | null>, user: UserRow, action: FailureAction) =>
  countFailure(
    ctx,
    user,
    action,
    async (tx, next) => {
      await tx.update(users).set(next).where(eq(users.id, user.id));
    },
    (tx, traced, details) =>
      auditAuth(tx, { userId: user.id }, ctx.client, { action: traced, ...(details ? { details } : {}) }),
  );

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
export function recordUnmatchedFailure(
  ctx: Context<Actor | null>,
  email: string,
  state: LockState,
): Promise<Date | null> {
  const emailHash = emailHashOf(email);
  return countFailure(
    ctx,
    state,
    'auth.login_failed',
    async (tx, next) => {
      await tx
        .insert(unmatchedSignInAttempts)
        .values({ emailHash, ...next, updatedAt: ctx.now })
        .onConflictDoUpdate({
          target: unmatchedSignInAttempts.emailHash,
          set: { ...next, updatedAt: ctx.now },
        });
    },
    (tx, traced, details) =>
      audit(tx, null, {
        action: traced,
        entityType: 'user',
        details: { email, ip: ctx.client.ip, ...details },
      }),
  );
}
