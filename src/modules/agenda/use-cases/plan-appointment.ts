import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TAppointmentSaved } from '../../../shared/contracts/agenda.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { requireAgendaHolder } from '../agenda-access.ts';
import { findAppointment, insertAppointment, setParticipants } from '../agenda.repository.ts';
import { checkAppointment, overlapsWith, type AppointmentInput } from '../appointment-input.ts';
import { presentAppointment } from '../appointment.presenter.ts';

/**
 * Plans an appointment of the actor's organisation, with a household (its caseworker) or none; the
 * overlaps with the same people's appointments come back as a warning.
 */
export async function planAppointment(
  ctx: Context,
  input: AppointmentInput & { householdId: string | null },
): Promise<TAppointmentSaved> {
  const { db, actor, now } = ctx;
  requireAgendaHolder(ctx);
  if (input.householdId) await requireHouseholdAccess(ctx, input.householdId);
  const checked = await checkAppointment(ctx, input, { householdId: input.householdId, planningNew: true });
  const overlaps = await overlapsWith(ctx, checked, null);
  const id = await insertAppointment(db, {
    ...checked.values,
    organisationId: actor.organisationId,
    householdId: input.householdId,
    createdByUserId: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await setParticipants(db, id, checked.people);
  await audit(db, actor, {
    action: 'appointment.create',
    entityType: 'appointment',
    entityId: id,
    householdId: input.householdId,
    details: { kind: checked.values.kind, startsAt: checked.values.startsAt.toISOString() },
  });
  return { appointment: presentAppointment((await findAppointment(db, id))!, 'full'), overlaps };
}
