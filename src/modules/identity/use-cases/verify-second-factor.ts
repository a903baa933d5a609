import { eq } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { AppError, invalid, notFound } from '../../../kernel/errors.ts';
import type { TTotpVerifyRequest } from '../../../shared/contracts/identity.ts';
import { users } from '../schema.ts';
import { completeSecondFactor, requireSession, sessionOrganisationId } from '../sessions.ts';
import { findUserById } from '../identity.repository.ts';
import { checkTotpCode, consumeRecoveryCode } from '../totp.ts';
import { activeLockEnd, lockedError } from '../lockout.ts';
import { recordFailedAttempt } from '../failed-attempts.ts';
import { auditAuth } from '../auth-audit.ts';

/**
 * Complete a session with a TOTP code or a recovery code (consumed). Failures count toward the
 * same lockout as wrong passwords, so this runs without a request transaction: a failure's count
 * stays although the request fails.
 */
export async function verifySecondFactor(
  ctx: Context<Actor | null>,
  input: TTotpVerifyRequest,
): Promise<void> {
  const session = requireSession(ctx);
  const { db, now } = ctx;
  const user = await findUserById(db, session.userId);
  if (!user) throw notFound();
  if (!user.totpSecret || !user.totpConfirmedAt) {
    throw new AppError('INVALID_STATE', 'Aucun second facteur n’est activé : activez-le d’abord.');
  }
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
    const lockedNow = await recordFailedAttempt(ctx, user, 'auth.second_factor_failed');
    if (lockedNow) throw lockedError(lockedNow);
    throw invalid(
      input.code !== undefined
        ? { code: 'Code incorrect.' }
        : { recoveryCode: 'Code de secours incorrect ou déjà utilisé.' },
    );
  }
  const organisationId = await sessionOrganisationId(db, session.id);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...change, failedLoginCount: 0 })
      .where(eq(users.id, user.id));
    await completeSecondFactor(tx, session.id, now);
    await auditAuth(tx, { userId: user.id, organisationId }, ctx.client, {
      action: input.code !== undefined ? 'auth.second_factor' : 'auth.recovery_code_used',
      details: input.code !== undefined ? {} : { recoveryCodesLeft: user.recoveryCodeHashes.length - 1 },
    });
  });
}
