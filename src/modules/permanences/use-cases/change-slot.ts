import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TSlot, TSlotInput } from '../../../shared/contracts/permanences.ts';
import { requireOpen, requireOwnSlot, requirePermanenceRight, staleSlot } from '../permanence-access.ts';
import { checkSlot } from '../permanence-input.ts';
import { presentSlot } from '../permanence.presenter.ts';
import { updateSlot, userNames } from '../permanences.repository.ts';
import { slotDetails } from './create-slot.ts';

/** Changes a slot's place, hours, rhythm, dates or staff, at the version read. */
export async function changeSlot(
  ctx: Context,
  input: TSlotInput & { slotId: string; rowVersion: number },
): Promise<TSlot> {
  requirePermanenceRight(ctx, 'manage_slots');
  requireOpen(await requireOwnSlot(ctx, input.slotId));
  const values = await checkSlot(ctx, input);
  const saved = await updateSlot(ctx.db, {
    id: input.slotId,
    rowVersion: input.rowVersion,
    values: { ...values, updatedAt: ctx.now },
  });
  if (!saved) throw staleSlot();
  await audit(ctx.db, ctx.actor, {
    action: 'permanence.slot.update',
    entityType: 'permanence_slot',
    entityId: input.slotId,
    details: slotDetails(values),
  });
  const slot = await requireOwnSlot(ctx, input.slotId);
  return presentSlot(slot, await userNames(ctx.db, slot.staffUserIds));
}
