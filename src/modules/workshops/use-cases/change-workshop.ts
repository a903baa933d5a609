import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TWorkshop, TWorkshopInput } from '../../../shared/contracts/workshops.ts';
import { requireOwnWorkshop, requirePlanned, staleWorkshop } from '../workshop-access.ts';
import { checkWorkshop } from '../workshop-input.ts';
import { presentWorkshop } from '../workshop.presenter.ts';
import { updateWorkshop } from '../workshops.repository.ts';

/** Changes a workshop's theme, time, place or people, at the version read. */
export async function changeWorkshop(
  ctx: Context,
  input: TWorkshopInput & { workshopId: string; rowVersion: number },
): Promise<TWorkshop> {
  const found = await requireOwnWorkshop(ctx, input.workshopId);
  requirePlanned(found);
  const values = await checkWorkshop(ctx, input);
  const saved = await updateWorkshop(ctx.db, {
    id: input.workshopId,
    rowVersion: input.rowVersion,
    values: { ...values, updatedAt: ctx.now },
  });
  if (!saved) throw staleWorkshop();
  await audit(ctx.db, ctx.actor, {
    action: 'workshop.update',
    entityType: 'workshop',
    entityId: input.workshopId,
    details: { theme: values.theme, startsAt: values.startsAt.toISOString() },
  });
  return presentWorkshop(ctx, await requireOwnWorkshop(ctx, input.workshopId));
}
