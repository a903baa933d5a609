import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import { passwordResets, users } from '../schema.ts';
import { hashToken, revokeSessions } from '../sessions.ts';
import { hashPassword } from '../passwords.ts';
import { auditAuth } from '../auth-audit.ts';

/**
 * Set a new password from a reset link: every session ends and the lockout is lifted. Runs
 * without a request transaction: the new password is hashed (argon2) before the transaction.
 */
export async function resetPassword(
  ctx: Context<Actor | null>,
  input: { token: string; password: string },
): Promise<void> {
  const { db, now } = ctx;
  const [reset] = await db
    .select({ id: passwordResets.id, userId: passwordResets.userId })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(input.token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
        eq(users.status, 'active'),
      ),
    );
  if (!reset) throw invalid({ token: 'Ce lien est invalide, déjà utilisé ou expiré. Refaites une demande.' });
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, failedLoginCount: 0, lockedUntil: null })
      .where(eq(users.id, reset.userId));
    // Any other link still pending for this account dies with this one.
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await revokeSessions(tx, { userId: reset.userId }, now);
    await auditAuth(tx, { userId: reset.userId }, ctx.client, { action: 'auth.password_reset' });
  });
}
