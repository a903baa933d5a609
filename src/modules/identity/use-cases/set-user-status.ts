import { eq } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import type { TAdminUser } from '../../../shared/contracts/identity.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden } from '../../../kernel/errors.ts';
import { users } from '../schema.ts';
import { revokeSessions } from '../sessions.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import { requireMember } from '../users.repository.ts';
import { presentAdminUser } from '../identity.presenter.ts';

/**
 * Deactivate a member (every session ends at once) or reactivate them. The account is one per
 * person, so deactivation applies in all of their organisations.
 */
export async function setUserStatus(
  ctx: Context,
  input: { userId: string; active: boolean },
): Promise<TAdminUser> {
  const { actor, db: tx, now } = ctx;
  requireRoleIn(actor, 'administrators');
  const member = await requireMember(tx, actor.organisationId, input.userId);
  if (member.user.id === actor.userId)
    throw forbidden('Vous ne pouvez pas modifier l’état de votre propre compte.');
  // An invited person who never chose a password goes back to "invited", not "active".
  const status = input.active ? (member.user.passwordHash ? 'active' : 'invited') : 'deactivated';
  const [user] = await tx
    .update(users)
    .set(input.active ? { status, failedLoginCount: 0, lockedUntil: null } : { status })
    .where(eq(users.id, member.user.id))
    .returning();
  if (!input.active) await revokeSessions(tx, { userId: member.user.id }, now);
  await audit(tx, actor, {
    action: input.active ? 'user.reactivated' : 'user.deactivated',
    entityType: 'user',
    entityId: member.user.id,
  });
  return presentAdminUser({ ...member, user: user! }, now);
}
