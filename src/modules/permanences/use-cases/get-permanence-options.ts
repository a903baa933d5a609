import type { Context } from '../../../kernel/context.ts';
import { ROLE_GROUPS } from '../../../shared/access/role-groups.ts';
import { activeMembersWithRoles } from '../../identity/index.ts';
import { requirePermanenceRight } from '../permanence-access.ts';

/** Who may staff a slot: the organisation's social workers. */
export async function getPermanenceOptions(ctx: Context) {
  requirePermanenceRight(ctx, 'read_slots');
  return {
    staff: await activeMembersWithRoles(ctx.db, ctx.actor.organisationId, ROLE_GROUPS.socialWork),
  };
}
