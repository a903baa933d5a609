import type { Context } from '../../../kernel/context.ts';
import type { TAdminUser } from '../../../shared/contracts/identity.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import { organisationMembers } from '../users.repository.ts';
import { presentAdminUser } from '../identity.presenter.ts';

export async function listOrganisationUsers(ctx: Context): Promise<TAdminUser[]> {
  requireRoleIn(ctx.actor, 'administrators');
  const members = await organisationMembers(ctx.db, ctx.actor.organisationId);
  return members.map((m) => presentAdminUser(m, ctx.now));
}
