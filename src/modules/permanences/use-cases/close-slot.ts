import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TSlot } from '../../../shared/contracts/permanences.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireOpen, requireOwnSlot, requirePermanenceRight, staleSlot } from '../permanence-access.ts';
import { presentSlot } from '../permanence.presenter.ts';
import { updateSlot, userNames } from '../permanences.repository.ts';
import { slotDetails } from './create-slot.ts';

/**
 * Closes a slot, at the version read: it is held no more after today (Paris), its past occurrences
 * and their visits stay as they were.
 */
export async function closeSlot(ctx: Context, input: { slotId: string; rowVersion: number }): Promise<TSlot> {
  requirePermanenceRight(ctx, 'manage_slots');
  const slot = await requireOwnSlot(ctx, input.slotId);
  requireOpen(slot);
  const today = parisDate(ctx.now);
  const untilDate = slot.untilDate !== null && slot.untilDate < today ? slot.untilDate : today;
  const saved = await updateSlot(ctx.db, {
    id: input.slotId,
    rowVersion: input.rowVersion,
    values: { status: 'closed', untilDate, updatedAt: ctx.now },
  });
  if (!saved) throw staleSlot();
  await audit(ctx.db, ctx.actor, {
    action: 'permanence.slot.close',
    entityType: 'permanence_slot',
    entityId: input.slotId,
    details: { ...slotDetails(slot), untilDate },
  });
  const closed = await requireOwnSlot(ctx, input.slotId);
  return presentSlot(closed, await userNames(ctx.db, closed.staffUserIds));
}
