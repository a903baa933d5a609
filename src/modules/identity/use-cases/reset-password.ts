import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../../kernel/deps.ts';
import { invalid } from '../../../kernel/errors.ts';
import { passwordResets, users } from '../schema.ts';
import { hashToken, revokeSessions } from '../sessions.ts';
import type { RequestContext } from '../identity.repository.ts';
import { hashPassword } from '../passwords.ts';
import { auditAuth } from '../auth-audit.ts';

/** Set a new password from a reset link: every session ends and the lockout is lifted. */
export async function resetPassword(
  deps: AppDeps,
  input: { token: string; password: string; context: RequestContext },
): Promise<void> {
  const now = deps.clock();
  const [reset] = await deps.db
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
  await deps.db.transaction(async (tx) => {
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
    await auditAuth(tx, { userId: reset.userId }, input.context, { action: 'auth.password_reset' });
  });
}
