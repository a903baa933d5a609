import type { Queryable } from '../../../kernel/db.ts';
import type { Actor } from '../../../kernel/actor.ts';
import { requireRoleIn } from '../../../kernel/role-guard.ts';
import { organisationMembers } from '../users.repository.ts';

export async function listOrganisationUsers(q: Queryable, actor: Actor) {
  requireRoleIn(actor, 'administrators');
  return organisationMembers(q, actor.organisationId);
}
