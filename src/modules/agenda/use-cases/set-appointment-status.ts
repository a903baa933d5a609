import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TAppointmentSaved, ZAppointmentStatusChange } from '../../../shared/contracts/agenda.ts';
import { requireAgendaHolder, requireOwnAppointment, staleAppointment } from '../agenda-access.ts';
import { findAppointment, updateAppointment } from '../agenda.repository.ts';
import { presentAppointment } from '../appointment.presenter.ts';

/**
 * Records how an appointment turned out: done, cancelled (with the reason), or missed by the
 * household (« rendez-vous non honoré »); done and missed only once it has begun.
 */
export async function setAppointmentStatus(
  ctx: Context,
  input: z.output<typeof ZAppointmentStatusChange> & { householdId: string | null; appointmentId: string },
): Promise<TAppointmentSaved> {
  const { db, actor, now } = ctx;
  requireAgendaHolder(ctx);
  const current = await requireOwnAppointment(ctx, input.appointmentId, input.householdId);
  if ((input.status === 'done' || input.status === 'missed') && current.appointment.startsAt > now)
    throw invalid({
      status: 'Un rendez-vous à venir ne peut être dit réalisé ou non honoré qu’une fois commencé.',
    });
  const reason = input.status === 'cancelled' ? (input.reason?.trim() ?? null) : null;
  if (
    !(await updateAppointment(db, {
      id: input.appointmentId,
      rowVersion: input.rowVersion,
      values: { status: input.status, cancelReason: reason, updatedAt: now },
    }))
  )
    throw staleAppointment();
  await audit(db, actor, {
    action: 'appointment.status',
    entityType: 'appointment',
    entityId: input.appointmentId,
    householdId: input.householdId,
    details: { status: input.status, ...(reason ? { reason } : {}) },
  });
  return {
    appointment: presentAppointment((await findAppointment(db, input.appointmentId))!, 'full'),
    overlaps: [],
  };
}
