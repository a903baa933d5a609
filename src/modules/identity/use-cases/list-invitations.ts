import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../kernel/db.ts';
import type { Actor } from '../../../kernel/actor.ts';
import { invitations, users } from '../schema.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';

export async function listInvitations(q: Queryable, actor: Actor) {
  requireRoleIn(actor, 'administrators');
  const rows = await q
    .select({ invitation: invitations, invitedByName: users.fullName })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.organisationId, actor.organisationId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  return rows.map((r) => ({ ...r.invitation, invitedByName: r.invitedByName }));
}
