import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import { organisations } from '../../organisations/schema.ts';
import { invitations, memberships, users } from '../schema.ts';
import { hashToken } from '../sessions.ts';
import { findUserByEmail } from '../identity.repository.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { activeLockEnd, lockedError } from '../lockout.ts';
import { auditAuth } from '../auth-audit.ts';
import { openSession, type OpenedSession } from '../open-session.ts';
import { deactivatedAccount } from './sign-in.ts';

/**
 * Accept an invitation from its emailed link. A newcomer chooses a password; someone who already
 * has an account proves it with their current password and gains the new membership. Signs in.
 * Runs without a request transaction: the password is checked or hashed (argon2) before the one
 * transaction that writes.
 */
export async function acceptInvitation(
  ctx: Context<Actor | null>,
  input: { token: string; password: string },
): Promise<OpenedSession> {
  const { db, now } = ctx;
  const [invitation] = await db
    .select({ invitation: invitations })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(input.token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
        eq(organisations.active, true),
      ),
    )
    .then((rows) => rows.map((r) => r.invitation));
  if (!invitation) {
    throw invalid({
      token: 'Cette invitation est invalide, expirée ou déjà utilisée. Demandez-en une nouvelle.',
    });
  }
  const existing = await findUserByEmail(db, invitation.email);
  if (existing?.status === 'deactivated') throw deactivatedAccount();
  const hasAccount = existing?.status === 'active' && existing.passwordHash !== null;
  if (hasAccount) {
    const lockEnd = activeLockEnd(existing, now);
    if (lockEnd) throw lockedError(lockEnd);
    if (!(await verifyPassword(existing.passwordHash!, input.password))) {
      throw invalid({ password: 'Vous avez déjà un compte Relais : saisissez son mot de passe actuel.' });
    }
  }
  const newPasswordHash = hasAccount ? null : await hashPassword(input.password);

  return db.transaction(async (tx) => {
    let user = existing;
    if (newPasswordHash) {
      const values = {
        fullName: invitation.fullName,
        passwordHash: newPasswordHash,
        passwordChangedAt: now,
        status: 'active' as const,
      };
      [user] = existing
        ? await tx.update(users).set(values).where(eq(users.id, existing.id)).returning()
        : await tx
            .insert(users)
            .values({ ...values, email: invitation.email })
            .returning();
    }
    await tx
      .insert(memberships)
      .values({
        userId: user!.id,
        organisationId: invitation.organisationId,
        role: invitation.role,
        managementUnitId: invitation.managementUnitId,
      })
      .onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
    await auditAuth(tx, { userId: user!.id, organisationId: invitation.organisationId }, ctx.client, {
      action: 'user.invitation_accepted',
      entityType: 'invitation',
      entityId: invitation.id,
      details: { role: invitation.role },
    });
    return openSession(
      { ...ctx, db: tx },
      { user: user!, requestedOrganisationId: invitation.organisationId },
    );
  });
}
