import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../kernel/deps.ts';
import { AppError, invalid, notFound } from '../../../kernel/errors.ts';
import type { TTotpVerifyRequest } from '../../../shared/contracts/identity.ts';
import { users } from '../schema.ts';
import { completeSecondFactor, sessionOrganisationId } from '../sessions.ts';
import { findUserById, type RequestContext, type SessionInfo } from '../identity.repository.ts';
import { checkTotpCode, consumeRecoveryCode } from '../totp.ts';
import { activeLockEnd, lockedError } from '../lockout.ts';
import { recordFailedAttempt } from '../failed-attempts.ts';
import { auditAuth } from '../auth-audit.ts';

/**
 * Complete a session with a TOTP code or a recovery code (consumed). Failures count toward the
 * same lockout as wrong passwords.
 */
export async function verifySecondFactor(
  deps: AppDeps,
  input: TTotpVerifyRequest & { session: SessionInfo; context: RequestContext },
): Promise<void> {
  const user = await findUserById(deps.db, input.session.userId);
  if (!user) throw notFound();
  if (!user.totpSecret || !user.totpConfirmedAt) {
    throw new AppError('INVALID_STATE', 'Aucun second facteur n’est activé : activez-le d’abord.');
  }
  const now = deps.clock();
  const lockEnd = activeLockEnd(user, now);
  if (lockEnd) throw lockedError(lockEnd);

  let change: Partial<typeof users.$inferInsert> | null = null;
  if (input.code !== undefined) {
    const step = await checkTotpCode({
      secret: user.totpSecret,
      code: input.code,
      now,
      lastTimeStep: user.totpLastTimeStep,
    });
    if (step !== null) change = { totpLastTimeStep: step };
  } else if (input.recoveryCode !== undefined) {
    const left = await consumeRecoveryCode(user.recoveryCodeHashes, input.recoveryCode);
    if (left) change = { recoveryCodeHashes: left };
  }
  if (!change) {
    const lockedNow = await recordFailedAttempt(deps, user, input.context, 'auth.second_factor_failed');
    if (lockedNow) throw lockedError(lockedNow);
    throw invalid(
      input.code !== undefined
        ? { code: 'Code incorrect.' }
        : { recoveryCode: 'Code de secours incorrect ou déjà utilisé.' },
    );
  }
  const organisationId = await sessionOrganisationId(deps.db, input.session.id);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...change, failedLoginCount: 0 })
      .where(eq(users.id, user.id));
    await completeSecondFactor(tx, input.session.id, now);
    await auditAuth(tx, { userId: user.id, organisationId }, input.context, {
      action: input.code !== undefined ? 'auth.second_factor' : 'auth.recovery_code_used',
      details: input.code !== undefined ? {} : { recoveryCodesLeft: user.recoveryCodeHashes.length - 1 },
    });
  });
}
