import { eq } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/errors.ts';
import type { TTotpConfirmResponse } from '../../../shared/contracts/identity.ts';
import { users } from '../schema.ts';
import { completeSecondFactor, requireSession } from '../sessions.ts';
import { findUserById } from '../identity.repository.ts';
import { checkTotpCode, newRecoveryCodes } from '../totp.ts';
import { auditAuth } from '../auth-audit.ts';
import { activeLockEnd, lockedError } from '../lockout.ts';
import { recordFailedAttempt } from '../failed-attempts.ts';

/**
 * The first code from the app confirms the pending secret, from the session that started the
 * enrolment only; recovery codes are issued once, here. A wrong code counts toward the lockout and
 * is audited like any failed second factor. Runs without a request transaction: a failure's count
 * stays although the request fails, and the recovery codes are hashed (argon2) before the one
 * transaction that stores them.
 */
export async function confirmTotp(
  ctx: Context<Actor | null>,
  input: { code: string },
): Promise<TTotpConfirmResponse> {
  const session = requireSession(ctx);
  const { db, now } = ctx;
  const user = await findUserById(db, session.userId);
  if (!user) throw notFound();
  if (!user.totpPendingSecret) {
    throw new AppError(
      'INVALID_STATE',
      'Aucune activation en cours : recommencez l’activation du second facteur.',
    );
  }
  if (user.totpPendingSessionId !== session.id) {
    await recordFailedAttempt(ctx, user, 'auth.second_factor_failed');
    throw forbidden(
      'Cette activation a été commencée depuis une autre connexion : recommencez-la depuis celle-ci.',
    );
  }
  const lockEnd = activeLockEnd(user, now);
  if (lockEnd) throw lockedError(lockEnd);
  const step = await checkTotpCode({
    secret: user.totpPendingSecret,
    code: input.code,
    now,
    lastTimeStep: null,
  });
  if (step === null) {
    const lockedNow = await recordFailedAttempt(ctx, user, 'auth.second_factor_failed');
    if (lockedNow) throw lockedError(lockedNow);
    throw invalid({ code: 'Code incorrect. Vérifiez l’heure de votre téléphone et réessayez.' });
  }
  const recovery = await newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpPendingSessionId: null,
        totpPendingAt: null,
        failedLoginCount: 0,
        totpConfirmedAt: now,
        totpLastTimeStep: step,
        recoveryCodeHashes: recovery.hashes,
      })
      .where(eq(users.id, user.id));
    await completeSecondFactor(tx, session.id, now);
    await auditAuth(tx, { userId: user.id }, ctx.client, { action: 'auth.totp_enrolled' });
  });
  return { recoveryCodes: recovery.codes };
}
