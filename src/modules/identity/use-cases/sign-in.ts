import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { AppError, forbidden } from '../../../kernel/errors.ts';
import type { TLoginRequest } from '../../../shared/contracts/identity.ts';
import { findUserByEmail } from '../identity.repository.ts';
import { verifyAgainstNothing, verifyPassword } from '../passwords.ts';
import { activeLockEnd, lockedError } from '../lockout.ts';
import { recordFailedAttempt, recordUnmatchedFailure, unmatchedLockState } from '../failed-attempts.ts';
import { openSession, type OpenedSession } from '../open-session.ts';

/** The same answer for an address without an account and a wrong password: no account enumeration. */
export const badCredentials = () =>
  new AppError('UNAUTHENTICATED', 'Adresse e-mail ou mot de passe incorrect.');

export const deactivatedAccount = () =>
  forbidden('Ce compte a été désactivé. Contactez l’administrateur de votre organisation.');

/**
 * Check the password and open a session. Runs without a request transaction (`ctx.db` is the
 * pool): a failure is counted and traced although the request fails, and the password check
 * (argon2) holds no transaction; the session opens in one transaction once the password is right.
 */
export async function signIn(ctx: Context<Actor | null>, input: TLoginRequest): Promise<OpenedSession> {
  const { db, now } = ctx;
  const user = await findUserByEmail(db, input.email);
  if (!user?.passwordHash) {
    // Answered exactly as an account would be: same lock, same password hashing, same writes.
    const state = await unmatchedLockState(db, input.email);
    const lockEnd = activeLockEnd(state, now);
    if (lockEnd) throw lockedError(lockEnd);
    await verifyAgainstNothing(input.password);
    const lockedNow = await recordUnmatchedFailure(ctx, input.email, state);
    throw lockedNow ? lockedError(lockedNow) : badCredentials();
  }
  const lockEnd = activeLockEnd(user, now);
  if (lockEnd) throw lockedError(lockEnd);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const lockedNow = await recordFailedAttempt(ctx, user, 'auth.login_failed');
    throw lockedNow ? lockedError(lockedNow) : badCredentials();
  }
  if (user.status === 'deactivated') throw deactivatedAccount();
  if (user.status !== 'active') throw badCredentials();
  return db.transaction((tx) =>
    openSession({ ...ctx, db: tx }, { user, requestedOrganisationId: input.organisationId }),
  );
}
