import type { Context } from '../../../kernel/context.ts';
import { ROLE_GROUPS } from '../../../shared/access/role-groups.ts';
import { activeMembersWithRoles } from '../../identity/index.ts';
import { requireWorkshopStaff } from '../workshop-access.ts';

/** Who may facilitate a workshop: the organisation's social workers. */
export async function getWorkshopOptions(ctx: Context) {
  requireWorkshopStaff(ctx);
  return {
    facilitators: await activeMembersWithRoles(ctx.db, ctx.actor.organisationId, ROLE_GROUPS.socialWork),
  };
}
