import type { Context } from '../../../kernel/context.ts';
import { requirePermanenceRight } from '../permanence-access.ts';
import { presentSlot } from '../permanence.presenter.ts';
import { organisationSlots, userNames } from '../permanences.repository.ts';

/** The organisation's slots, open ones first (no visit, no person named but its staff). */
export async function listSlots(ctx: Context) {
  requirePermanenceRight(ctx, 'read_slots');
  const slots = await organisationSlots(ctx.db, ctx.actor.organisationId);
  const names = await userNames(
    ctx.db,
    slots.flatMap((s) => s.staffUserIds),
  );
  return { items: slots.map((s) => presentSlot(s, names)) };
}
