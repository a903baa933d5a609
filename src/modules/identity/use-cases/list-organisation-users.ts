import type { Queryable } from '../../../kernel/db.ts';
import type { Actor } from '../../../kernel/actor.ts';
import { requireOrganisationAdmin } from '../require-admin.ts';
import { organisationMembers } from '../users.repository.ts';

export async function listOrganisationUsers(q: Queryable, actor: Actor) {
  requireOrganisationAdmin(actor);
  return organisationMembers(q, actor.organisationId);
}
