import type { Context } from '../../kernel/context.ts';
import { AppError, forbidden, notFound } from '../../kernel/errors.ts';
import { permanenceRefusal, type PermanenceAction } from '../../shared/access/permanence-policy.ts';
import { findSlot, findVisit, type SlotRow, type VisitRow } from './permanences.repository.ts';

export const SLOT_NOT_FOUND = 'Permanence introuvable.';
export const VISIT_NOT_FOUND = 'Passage introuvable.';

/** The policy's refusal as a 403, in French. */
export function requirePermanenceRight(
  ctx: Context,
  action: PermanenceAction,
  slot?: { staffUserIds: readonly string[] },
): void {
  const refusal = permanenceRefusal(ctx.actor, action, slot);
  if (refusal) throw forbidden(refusal);
}

/** A slot of the actor's organisation; another organisation's answers as an unknown one. */
export async function requireOwnSlot(ctx: Context, slotId: string): Promise<SlotRow> {
  const slot = await findSlot(ctx.db, slotId);
  if (!slot || slot.organisationId !== ctx.actor.organisationId) throw notFound(SLOT_NOT_FOUND);
  return slot;
}

/** A visit of the actor's organisation (personal data: its social workers alone), with its slot. */
export async function requireOwnVisit(
  ctx: Context,
  visitId: string,
  action: PermanenceAction,
): Promise<{ visit: VisitRow; slot: SlotRow }> {
  requirePermanenceRight(ctx, action === 'record_visit' ? 'read_visits' : action);
  const visit = await findVisit(ctx.db, visitId);
  if (!visit || visit.organisationId !== ctx.actor.organisationId) throw notFound(VISIT_NOT_FOUND);
  const slot = await requireOwnSlot(ctx, visit.slotId);
  requirePermanenceRight(ctx, action, slot);
  return { visit, slot };
}

/** A closed slot no longer changes and receives no new visit. */
export function requireOpen(slot: SlotRow): void {
  if (slot.status === 'closed')
    throw new AppError('INVALID_STATE', 'Cette permanence est fermée : elle ne se modifie plus.');
}

export const staleSlot = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Cette permanence a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte. Rechargez-la, puis refaites vos changements.',
  );

export const staleVisit = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Ce passage a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert. Rechargez-le, puis refaites vos changements.',
  );
