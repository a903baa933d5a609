import { eq } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { forbidden, notFound } from '../../../kernel/errors.ts';
import type { TTotpEnrolResponse } from '../../../shared/contracts/identity.ts';
import { users } from '../schema.ts';
import { findUserById } from '../identity.repository.ts';
import { requireSession } from '../sessions.ts';
import { newTotpEnrolment } from '../totp.ts';

/**
 * Start (or restart) TOTP enrolment: a new secret waits for a first code. Replacing a confirmed
 * second factor needs a session that has passed it, so a stolen password alone cannot.
 */
export async function enrolTotp(ctx: Context<Actor | null>): Promise<TTotpEnrolResponse> {
  const session = requireSession(ctx);
  const user = await findUserById(ctx.db, session.userId);
  if (!user) throw notFound();
  if (user.totpConfirmedAt && !session.secondFactorDone) {
    throw forbidden('Validez d’abord la connexion avec votre second facteur actuel.');
  }
  const enrolment = await newTotpEnrolment(user.email);
  await ctx.db.update(users).set({ totpPendingSecret: enrolment.secret }).where(eq(users.id, user.id));
  return enrolment;
}
