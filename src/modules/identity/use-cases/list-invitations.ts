import { desc, eq } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import type { TInvitation } from '../../../shared/contracts/identity.ts';
import { invitations, users } from '../schema.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import { presentInvitation } from '../identity.presenter.ts';

export async function listInvitations(ctx: Context): Promise<TInvitation[]> {
  const { actor } = ctx;
  requireRoleIn(actor, 'administrators');
  const rows = await ctx.db
    .select({ invitation: invitations, invitedByName: users.fullName })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.organisationId, actor.organisationId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  return rows.map((r) => presentInvitation({ ...r.invitation, invitedByName: r.invitedByName }, ctx.now));
}
