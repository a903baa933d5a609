import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { THousingProjectView } from '../../../shared/contracts/housing-pool.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { projectView } from '../project-view.ts';

/** The household's housing project as its party reads it; the read is audited in the route's transaction. */
export async function getHousingProject(ctx: Context, householdId: string): Promise<THousingProjectView> {
  const level = await requireHouseholdAccess(ctx, householdId);
  const view = await projectView(ctx, householdId, level);
  await audit(ctx.db, ctx.actor, {
    action: 'household.housing_project.read',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { accessLevel: level },
  });
  return view;
}
