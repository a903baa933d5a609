import { eq } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { AppError, invalid, notFound } from '../../../kernel/errors.ts';
import type { TTotpConfirmResponse } from '../../../shared/contracts/identity.ts';
import { users } from '../schema.ts';
import { completeSecondFactor, requireSession } from '../sessions.ts';
import { findUserById } from '../identity.repository.ts';
import { checkTotpCode, newRecoveryCodes } from '../totp.ts';
import { auditAuth } from '../auth-audit.ts';

/**
 * The first code from the app confirms the pending secret; recovery codes are issued once, here.
 * Runs without a request transaction: the recovery codes are hashed (argon2) before the one
 * transaction that stores them, so that no transaction waits on the hashing.
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
  const step = await checkTotpCode({
    secret: user.totpPendingSecret,
    code: input.code,
    now,
    lastTimeStep: null,
  });
  if (step === null)
    throw invalid({ code: 'Code incorrect. Vérifiez l’heure de votre téléphone et réessayez.' });
  const recovery = await newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
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
