import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { sendEmail } from '../../mail/index.ts';
import { passwordResets } from '../schema.ts';
import { hashToken, newToken } from '../sessions.ts';
import { findUserByEmail } from '../identity.repository.ts';
import { auditAuth } from '../auth-audit.ts';

export const PASSWORD_RESET_VALIDITY_MS = 3_600_000;

/** Email a one-hour reset link to an active account; silent otherwise (no account enumeration). */
export async function requestPasswordReset(
  ctx: Context<Actor | null>,
  input: { email: string },
): Promise<void> {
  const { db, now } = ctx;
  const user = await findUserByEmail(db, input.email);
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
