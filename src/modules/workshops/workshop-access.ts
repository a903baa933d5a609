import type { Context } from '../../kernel/context.ts';
import { audit } from '../../kernel/audit.ts';
import { AppError, forbidden, notFound } from '../../kernel/errors.ts';
import { hasRoleIn } from '../../shared/access/role-groups.ts';
import { findWorkshop, type WorkshopListed } from './workshops.repository.ts';

export const WORKSHOP_NOT_FOUND = 'Atelier introuvable.';

/** Workshops are run by the social workers (caseworkers and their team leaders) of an organisation. */
export function requireWorkshopStaff(ctx: Context): void {
  if (!hasRoleIn(ctx.actor.roles, 'socialWork'))
    throw forbidden(
      'Les ateliers collectifs sont réservés aux travailleurs sociaux et à leurs responsables.',
    );
}

/**
 * A workshop of the actor's organisation: the list of its households is that organisation's staff's
 * alone, so any other workshop — a partner's included — answers the same 404 as an unknown one.
 */
export async function requireOwnWorkshop(ctx: Context, workshopId: string): Promise<WorkshopListed> {
  requireWorkshopStaff(ctx);
  const found = await findWorkshop(ctx.db, workshopId);
  if (!found || found.workshop.organisationId !== ctx.actor.organisationId)
    throw notFound(WORKSHOP_NOT_FOUND);
  return found;
}

/** A workshop still to be run or recorded: a cancelled one no longer changes. */
export function requirePlanned(found: WorkshopListed): void {
  if (found.workshop.status === 'cancelled')
    throw new AppError('INVALID_STATE', 'Cet atelier est annulé : il ne se modifie plus.');
}

/** The 409 of a workshop changed by someone else since it was read. */
export const staleWorkshop = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Cet atelier a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert. Rechargez-le, puis refaites vos changements.',
  );

/** A change or read that concerns several households: one audit entry per household. */
export async function auditPerHousehold(
  ctx: Context,
  action: string,
  workshopId: string,
  householdIds: Iterable<string>,
  details: Record<string, unknown> = {},
): Promise<void> {
  for (const householdId of new Set(householdIds))
    await audit(ctx.db, ctx.actor, {
      action,
      entityType: 'workshop',
      entityId: workshopId,
      householdId,
      details,
    });
}
