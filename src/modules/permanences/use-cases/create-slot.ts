import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TSlot, TSlotInput } from '../../../shared/contracts/permanences.ts';
import { requireOwnSlot, requirePermanenceRight } from '../permanence-access.ts';
import { checkSlot } from '../permanence-input.ts';
import { presentSlot } from '../permanence.presenter.ts';
import { insertSlot, userNames } from '../permanences.repository.ts';

/** Opens a recurring drop-in slot of the actor's organisation. */
export async function createSlot(ctx: Context, input: TSlotInput): Promise<TSlot> {
  requirePermanenceRight(ctx, 'manage_slots');
  const values = await checkSlot(ctx, input);
  const id = await insertSlot(ctx.db, {
    ...values,
    organisationId: ctx.actor.organisationId,
    createdByUserId: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'permanence.slot.create',
    entityType: 'permanence_slot',
    entityId: id,
    details: slotDetails(values),
  });
  const slot = await requireOwnSlot(ctx, id);
  return presentSlot(slot, await userNames(ctx.db, slot.staffUserIds));
}

/** What the audit keeps of a slot: where and when, no person. */
export const slotDetails = (s: { place: string; weekday: number; startTime: string; endTime: string }) => ({
  place: s.place,
  weekday: s.weekday,
  startTime: s.startTime,
  endTime: s.endTime,
});
