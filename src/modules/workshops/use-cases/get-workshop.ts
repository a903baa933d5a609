import type { Context } from '../../../kernel/context.ts';
import type { TWorkshop } from '../../../shared/contracts/workshops.ts';
import { auditPerHousehold, requireOwnWorkshop } from '../workshop-access.ts';
import { presentWorkshop } from '../workshop.presenter.ts';

/** The workshop's page, for its organisation's staff: each household shown is a read of its file. */
export async function getWorkshop(ctx: Context, workshopId: string): Promise<TWorkshop> {
  const workshop = await presentWorkshop(ctx, await requireOwnWorkshop(ctx, workshopId));
  await auditPerHousehold(
    ctx,
    'workshop.read',
    workshopId,
    workshop.households.map((h) => h.householdId),
  );
  return workshop;
}
