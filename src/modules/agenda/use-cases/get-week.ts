import type { Context } from '../../../kernel/context.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { TWeek } from '../../../shared/contracts/agenda.ts';
import { weekOf } from '../../../shared/agenda/rules.ts';
import { parisToday } from '../../../shared/time.ts';
import { listMeetingsBetween } from '../../committees/index.ts';
import { auditHouseholdsShown, requireAgendaHolder } from '../agenda-access.ts';
import { agendaPeople, appointmentsOfUser } from '../agenda.repository.ts';
import { presentAppointment } from '../appointment.presenter.ts';
import { mayChooseWeek } from './list-agenda-people.ts';

/**
 * A social worker's week, Monday to Sunday in Paris: the appointments of the organisation they
 * attend and the meetings of the committees the organisation belongs to. A team leader may open a
 * colleague's; each household shown is a read of its appointments, audited.
 */
export async function getWeek(ctx: Context, input: { day?: string; userId?: string }): Promise<TWeek> {
  const { db, actor, now } = ctx;
  requireAgendaHolder(ctx);
  const userId = input.userId ?? actor.userId;
  const person = (await agendaPeople(db, actor.organisationId)).find((p) => p.id === userId);
  if (userId !== actor.userId && (!mayChooseWeek(ctx) || !person))
    throw forbidden(
      'Seul un responsable d’équipe consulte l’agenda d’un travailleur social de son organisation.',
    );
  const week = weekOf(input.day ?? parisToday(now));
  const [rows, meetings] = await Promise.all([
    appointmentsOfUser(db, {
      userId,
      organisationId: actor.organisationId,
      from: week.from,
      until: week.until,
      at: now,
    }),
    listMeetingsBetween(ctx, { from: week.from, until: week.until }),
  ]);
  await auditHouseholdsShown(db, actor, {
    action: 'appointment.week',
    rows,
    details: { monday: week.monday },
  });
  return {
    monday: week.monday,
    sunday: week.sunday,
    user: { id: userId, name: person?.name ?? actor.fullName },
    appointments: rows.map((r) => presentAppointment(r, 'full')),
    meetings: meetings.map((m) => ({
      ...m,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
    })),
  };
}
