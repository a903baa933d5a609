import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TAppointment } from '../../../shared/contracts/agenda.ts';
import { appointmentView } from '../../../shared/agenda/visibility.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { householdAppointments } from '../agenda.repository.ts';
import { presentAppointment } from '../appointment.presenter.ts';

/**
 * The household's appointments as the reader's organisation may read them: its own whole (for its
 * caseworkers), those it takes part in without their note.
 */
export async function listHouseholdAppointments(ctx: Context, householdId: string): Promise<TAppointment[]> {
  const level = await requireHouseholdAccess(ctx, householdId);
  const rows = await householdAppointments(ctx.db, householdId, ctx.actor.organisationId);
  await audit(ctx.db, ctx.actor, {
    action: 'appointment.list',
    entityType: 'household',
    entityId: householdId,
    householdId,
  });
  return rows.flatMap((row) => {
    const view = appointmentView(
      { organisationId: ctx.actor.organisationId, level },
      {
        organisationId: row.appointment.organisationId,
        organisationIds: row.participants.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
      },
    );
    return view === 'hidden' ? [] : [presentAppointment(row, view)];
  });
}
