import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TWorkshop } from '../../../shared/contracts/workshops.ts';
import { requireOwnWorkshop, requirePlanned, staleWorkshop } from '../workshop-access.ts';
import { presentWorkshop } from '../workshop.presenter.ts';
import { updateWorkshop } from '../workshops.repository.ts';

/** Cancels a workshop with a reason, at the version read; it is kept, never deleted. */
export async function cancelWorkshop(
  ctx: Context,
  input: { workshopId: string; rowVersion: number; reason: string },
): Promise<TWorkshop> {
  requirePlanned(await requireOwnWorkshop(ctx, input.workshopId));
  const saved = await updateWorkshop(ctx.db, {
    id: input.workshopId,
    rowVersion: input.rowVersion,
    values: { status: 'cancelled', cancelReason: input.reason, updatedAt: ctx.now },
  });
  if (!saved) throw staleWorkshop();
  await audit(ctx.db, ctx.actor, {
    action: 'workshop.cancel',
    entityType: 'workshop',
    entityId: input.workshopId,
    details: { reason: input.reason },
  });
  return presentWorkshop(ctx, await requireOwnWorkshop(ctx, input.workshopId));
}
