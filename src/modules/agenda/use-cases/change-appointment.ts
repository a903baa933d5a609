import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { TAppointmentSaved } from '../../../shared/contracts/agenda.ts';
import { requireAgendaHolder, requireOwnAppointment, staleAppointment } from '../agenda-access.ts';
import { findAppointment, setParticipants, updateAppointment } from '../agenda.repository.ts';
import { checkAppointment, overlapsWith, type AppointmentInput } from '../appointment-input.ts';
import { presentAppointment } from '../appointment.presenter.ts';

/** Changes a planned appointment of the organisation, at the version read. */
export async function changeAppointment(
  ctx: Context,
  input: AppointmentInput & { householdId: string | null; appointmentId: string; rowVersion: number },
): Promise<TAppointmentSaved> {
  const { db, actor, now } = ctx;
  requireAgendaHolder(ctx);
  const current = await requireOwnAppointment(ctx, input.appointmentId, input.householdId);
  if (current.appointment.status !== 'planned')
    throw new AppError('INVALID_STATE', 'Seul un rendez-vous prévu peut être modifié.');
  // A slot already planned may be moved within the hour's grace; moving it into the past may not.
  const moved = current.appointment.startsAt.getTime() !== new Date(input.startsAt).getTime();
  const checked = await checkAppointment(ctx, input, { householdId: input.householdId, planningNew: moved });
  if (
    !(await updateAppointment(db, {
      id: input.appointmentId,
      rowVersion: input.rowVersion,
      values: { ...checked.values, updatedAt: now },
    }))
  )
    throw staleAppointment();
  await setParticipants(db, input.appointmentId, checked.people);
  await audit(db, actor, {
    action: 'appointment.update',
    entityType: 'appointment',
    entityId: input.appointmentId,
    householdId: input.householdId,
    details: { kind: checked.values.kind, startsAt: checked.values.startsAt.toISOString() },
  });
  return {
    appointment: presentAppointment((await findAppointment(db, input.appointmentId))!, 'full'),
    overlaps: await overlapsWith(ctx, checked, input.appointmentId),
  };
}
