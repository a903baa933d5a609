import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TVisit, TVisitInput } from '../../../shared/contracts/permanences.ts';
import { requireOwnSlot, requirePermanenceRight } from '../permanence-access.ts';
import { checkVisit } from '../permanence-input.ts';
import { presentVisit } from '../permanence.presenter.ts';
import { findVisit, insertVisit, userNames } from '../permanences.repository.ts';

/**
 * Records a walk-in at an occurrence of a slot, by the slot's staff (or a team leader): minimal
 * data, named only with the person's consent. The audit keeps no name.
 */
export async function recordVisit(ctx: Context, input: TVisitInput): Promise<TVisit> {
  requirePermanenceRight(ctx, 'read_visits');
  const slot = await requireOwnSlot(ctx, input.slotId);
  requirePermanenceRight(ctx, 'record_visit', slot);
  const values = checkVisit(ctx, slot, input);
  const id = await insertVisit(ctx.db, {
    ...values,
    organisationId: ctx.actor.organisationId,
    slotId: slot.id,
    recordedByUserId: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'permanence.visit.create',
    entityType: 'permanence_visit',
    entityId: id,
    details: { consent: values.consent, occurrenceDate: values.occurrenceDate, place: slot.place },
  });
  const visit = (await findVisit(ctx.db, id))!;
  return presentVisit(visit, await userNames(ctx.db, [ctx.actor.userId]));
}
