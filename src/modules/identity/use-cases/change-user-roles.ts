import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Role } from '../../../shared/contracts/roles.ts';
import type { TAdminUser } from '../../../shared/contracts/identity.ts';
import { memberships } from '../schema.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import { assertRolesFit } from '../roles-policy.ts';
import { otherActiveAdmins, requireMember } from '../users.repository.ts';
import { presentAdminUser } from '../identity.presenter.ts';

export const lastAdminError = () =>
  new AppError('CONFLICT', 'L’organisation doit garder au moins un administrateur actif.');

/** Replace a member's roles in the administrator's organisation. */
export async function changeUserRoles(
  ctx: Context,
  input: { userId: string; roles: Role[] },
): Promise<TAdminUser> {
  const { actor, db: tx } = ctx;
  requireRoleIn(actor, 'administrators');
  const roles = [...new Set(input.roles)];
  assertRolesFit(actor.organisationType, roles, 'roles');
  const member = await requireMember(tx, actor.organisationId, input.userId);
  const losesAdmin = member.roles.includes('admin') && !roles.includes('admin');
  if (losesAdmin && (await otherActiveAdmins(tx, actor.organisationId, member.user.id)) === 0) {
    throw lastAdminError();
  }
  const mine = and(
    eq(memberships.userId, member.user.id),
    eq(memberships.organisationId, actor.organisationId),
  );
  await tx.delete(memberships).where(and(mine, notInArray(memberships.role, roles)));
  const added = roles.filter((r) => !member.roles.includes(r));
  if (added.length > 0) {
    await tx.insert(memberships).values(
      added.map((role) => ({
        userId: member.user.id,
        organisationId: actor.organisationId,
        role,
        managementUnitId: member.managementUnitId,
      })),
    );
  }
  await audit(tx, actor, {
    action: 'user.roles_changed',
    entityType: 'user',
    entityId: member.user.id,
    details: { before: member.roles, after: roles },
  });
  const rows = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(mine, inArray(memberships.role, roles)));
  return presentAdminUser({ ...member, roles: rows.map((r) => r.role) }, ctx.now);
}
