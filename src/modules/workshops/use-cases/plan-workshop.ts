import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TWorkshop, TWorkshopInput } from '../../../shared/contracts/workshops.ts';
import { requireOwnWorkshop, requireWorkshopStaff } from '../workshop-access.ts';
import { checkWorkshop } from '../workshop-input.ts';
import { presentWorkshop } from '../workshop.presenter.ts';
import { insertWorkshop } from '../workshops.repository.ts';

/** Plans a workshop of the actor's organisation (no household invited yet). */
export async function planWorkshop(ctx: Context, input: TWorkshopInput): Promise<TWorkshop> {
  requireWorkshopStaff(ctx);
  const values = await checkWorkshop(ctx, input);
  const id = await insertWorkshop(ctx.db, {
    ...values,
    organisationId: ctx.actor.organisationId,
    createdByUserId: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'workshop.create',
    entityType: 'workshop',
    entityId: id,
    details: { theme: values.theme, startsAt: values.startsAt.toISOString() },
  });
  return presentWorkshop(ctx, await requireOwnWorkshop(ctx, id));
}
