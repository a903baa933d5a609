import type { AppDeps } from '../../../kernel/deps.ts';
import { AppError, forbidden } from '../../../kernel/errors.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TLoginRequest } from '../../../shared/contracts/identity.ts';
import { findUserByEmail, type RequestContext } from '../identity.repository.ts';
import { verifyAgainstNothing, verifyPassword } from '../passwords.ts';
import { activeLockEnd, lockedError } from '../lockout.ts';
import { recordFailedAttempt } from '../failed-attempts.ts';
import { openSession, type OpenedSession } from '../open-session.ts';

/** The same answer for an unknown address and a wrong password: no account enumeration. */
export const badCredentials = () =>
  new AppError('UNAUTHENTICATED', 'Adresse e-mail ou mot de passe incorrect.');

export const deactivatedAccount = () =>
  forbidden('Ce compte a été désactivé. Contactez l’administrateur de votre organisation.');

export async function signIn(
  deps: AppDeps,
  input: TLoginRequest & { context: RequestContext },
): Promise<OpenedSession> {
  const user = await findUserByEmail(deps.db, input.email);
  if (!user?.passwordHash) {
    await verifyAgainstNothing(input.password);
    await audit(deps.db, null, {
      action: 'auth.login_failed',
      entityType: 'user',
      details: { email: input.email, ip: input.context.ip },
    });
    throw badCredentials();
  }
  const lockEnd = activeLockEnd(user, deps.clock());
  if (lockEnd) throw lockedError(lockEnd);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const lockedNow = await recordFailedAttempt(deps, user, input.context, 'auth.login_failed');
    throw lockedNow ? lockedError(lockedNow) : badCredentials();
  }
  if (user.status === 'deactivated') throw deactivatedAccount();
  if (user.status !== 'active') throw badCredentials();
  return deps.db.transaction((tx) =>
    openSession(tx, deps, { user, requestedOrganisationId: input.organisationId, context: input.context }),
  );
}
