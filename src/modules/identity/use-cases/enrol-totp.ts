import { eq } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { forbidden, notFound } from '../../../kernel/errors.ts';
import type { TTotpEnrolResponse } from '../../../shared/contracts/identity.ts';
import { users } from '../schema.ts';
import { findUserById } from '../identity.repository.ts';
import { requireSession } from '../sessions.ts';
import { newTotpEnrolment } from '../totp.ts';
import { auditAuth } from '../auth-audit.ts';

/** How long an enrolment started by another session stays its own (then anyone signed in may restart). */
export const PENDING_ENROLMENT_MS = 10 * 60_000;

/**
 * Start (or restart) TOTP enrolment: a new secret waits for a first code from this session.
 * Replacing a confirmed second factor needs a session that has passed it, and a password-only
 * session may not take over an enrolment another session started less than ten minutes ago: a
 * stolen password alone can neither replace nor hijack a second factor. Runs without a request
 * transaction, so that a refusal's audit entry stays although the request fails.
 */
export async function enrolTotp(ctx: Context<Actor | null>): Promise<TTotpEnrolResponse> {
  const session = requireSession(ctx);
  const { now } = ctx;
  const user = await findUserById(ctx.db, session.userId);
  if (!user) throw notFound();
  if (user.totpConfirmedAt && !session.secondFactorDone) {
    throw forbidden('Validez d’abord la connexion avec votre second facteur actuel.');
  }
  const pendingElsewhere =
    user.totpPendingSecret &&
    user.totpPendingSessionId !== session.id &&
    user.totpPendingAt &&
    now.getTime() - user.totpPendingAt.getTime() < PENDING_ENROLMENT_MS;
  if (pendingElsewhere && !session.secondFactorDone) {
    await auditAuth(ctx.db, { userId: user.id }, ctx.client, { action: 'auth.totp_enrolment_refused' });
    throw forbidden(
      'Une activation du second facteur est en cours depuis une autre connexion. Terminez-la, ou recommencez dans dix minutes.',
    );
  }
  const enrolment = await newTotpEnrolment(user.email);
  await ctx.db
    .update(users)
    .set({ totpPendingSecret: enrolment.secret, totpPendingSessionId: session.id, totpPendingAt: now })
    .where(eq(users.id, user.id));
  return enrolment;
}
