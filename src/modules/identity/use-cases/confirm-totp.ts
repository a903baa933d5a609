import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../kernel/deps.ts';
import { AppError, invalid, notFound } from '../../../kernel/errors.ts';
import type { TTotpConfirmResponse } from '../../../shared/contracts/identity.ts';
import { users } from '../schema.ts';
import { completeSecondFactor } from '../sessions.ts';
import { findUserById, type RequestContext, type SessionInfo } from '../identity.repository.ts';
import { checkTotpCode, newRecoveryCodes } from '../totp.ts';
import { auditAuth } from '../auth-audit.ts';

/** The first code from the app confirms the pending secret; recovery codes are issued once, here. */
export async function confirmTotp(
  deps: AppDeps,
  input: { session: SessionInfo; code: string; context: RequestContext },
): Promise<TTotpConfirmResponse> {
  const user = await findUserById(deps.db, input.session.userId);
  if (!user) throw notFound();
  if (!user.totpPendingSecret) {
    throw new AppError(
      'INVALID_STATE',
      'Aucune activation en cours : recommencez l’activation du second facteur.',
    );
  }
  const now = deps.clock();
  const step = await checkTotpCode({
    secret: user.totpPendingSecret,
    code: input.code,
    now,
    lastTimeStep: null,
  });
  if (step === null)
    throw invalid({ code: 'Code incorrect. Vérifiez l’heure de votre téléphone et réessayez.' });
  const recovery = await newRecoveryCodes();
  await deps.db.transaction(async (tx) => {
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
    await completeSecondFactor(tx, input.session.id, now);
    await auditAuth(tx, { userId: user.id }, input.context, { action: 'auth.totp_enrolled' });
  });
  return { recoveryCodes: recovery.codes };
}
