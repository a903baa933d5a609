import { setTimeout } from 'node:timers/promises';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { sendEmail } from '../../mail/index.ts';
import { passwordResets } from '../schema.ts';
import { hashToken, newToken } from '../sessions.ts';
import { findUserByEmail } from '../identity.repository.ts';
import { auditAuth } from '../auth-audit.ts';

export const PASSWORD_RESET_VALIDITY_MS = 3_600_000;

/**
 * The least time a reset request takes to answer, whatever the address: writing and mailing a link
 * takes tens of milliseconds that an address without an account would not, and the difference
 * would tell which addresses have one.
 */
export const RESET_ANSWER_MS = 250;

/**
 * Email a one-hour reset link to an active account; silent otherwise (no account enumeration).
 * Runs without a request transaction: the link is written in one of its own, and the wait that
 * evens the answer time holds no connection.
 */
export async function requestPasswordReset(
  ctx: Context<Actor | null>,
  input: { email: string },
): Promise<void> {
  const started = performance.now();
  try {
    await ctx.db.transaction((tx) => sendResetLink({ ...ctx, db: tx }, input.email));
  } finally {
    // A timer may fire up to a millisecond early: wait until the floor has really passed.
    const left = () => RESET_ANSWER_MS - (performance.now() - started);
    while (left() > 0) await setTimeout(Math.ceil(left()));
  }
}

async function sendResetLink(ctx: Context<Actor | null>, email: string): Promise<void> {
  const { db, now } = ctx;
  const user = await findUserByEmail(db, email);
  if (!user || user.status !== 'active') return;
  const token = newToken();
  await db.insert(passwordResets).values({
    userId: user.id,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + PASSWORD_RESET_VALIDITY_MS),
  });
  await sendEmail(db, {
    to: user.email,
    subject: 'Relais : réinitialisation de votre mot de passe',
    text: [
      `Bonjour ${user.fullName},`,
      '',
      'Une réinitialisation du mot de passe de votre compte Relais a été demandée.',
      'Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :',
      `${ctx.config.publicUrl}/reinitialiser?token=${token}`,
      '',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    ].join('\n'),
  });
  await auditAuth(db, { userId: user.id }, ctx.client, { action: 'auth.password_reset_requested' });
}
