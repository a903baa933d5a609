import type { Context } from '../../kernel/context.ts';
import { audit, type AuditActor } from '../../kernel/audit.ts';
import type { Queryable } from '../../kernel/db.ts';
import { AppError, forbidden, notFound } from '../../kernel/errors.ts';
import { hasRoleIn } from '../../shared/access/role-groups.ts';
import { findAppointment, type AppointmentRecord } from './agenda.repository.ts';

export const APPOINTMENT_NOT_FOUND = 'Rendez-vous introuvable.';

/** The agenda is the social workers’ (caseworkers and their team leaders). */
export function requireAgendaHolder(ctx: Context): void {
  if (!hasRoleIn(ctx.actor.roles, 'socialWork'))
    throw forbidden('L’agenda est réservé aux travailleurs sociaux et à leurs responsables.');
}

/**
 * An appointment the actor's organisation planned, reached through the route that names it (of
 * this household, or of none): any other answers the same 404.
 */
export async function requireOwnAppointment(
  ctx: Context,
  appointmentId: string,
  householdId: string | null,
): Promise<AppointmentRecord> {
  const record = await findAppointment(ctx.db, appointmentId);
  if (
    !record ||
    record.appointment.organisationId !== ctx.actor.organisationId ||
    record.appointment.householdId !== householdId
  )
    throw notFound(APPOINTMENT_NOT_FOUND);
  return record;
}

/** The 409 of an appointment changed by someone else since it was read. */
export const staleAppointment = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Ce rendez-vous a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert. Rechargez-le, puis refaites vos changements.',
  );

/** A read that shows several households' appointments: one audit entry per household shown. */
export async function auditHouseholdsShown(
  db: Queryable,
  actor: AuditActor,
  input: {
    action: string;
    rows: readonly { appointment: { householdId: string | null } }[];
    details?: object;
  },
): Promise<void> {
  for (const householdId of new Set(input.rows.flatMap((r) => r.appointment.householdId ?? []))) {
    await audit(db, actor, {
      action: input.action,
      entityType: 'household',
      entityId: householdId,
      householdId,
      ...(input.details ? { details: { ...input.details } } : {}),
    });
  }
}
