import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { weekOf } from '../../../shared/agenda/rules.ts';
import type { TWeek } from '../../../shared/contracts/permanences.ts';
import { occurrencesBetween } from '../../../shared/permanences/rules.ts';
import { parisDate } from '../../../shared/time.ts';
import { requirePermanenceRight } from '../permanence-access.ts';
import { presentVisit } from '../permanence.presenter.ts';
import { organisationSlots, userNames, visitsBetween } from '../permanences.repository.ts';

/**
 * The occurrences of the organisation's slots in the Monday–Sunday week (Paris) of a day, in time
 * order, each with its visits. The visits are personal data: the read is audited.
 */
export async function getWeek(ctx: Context, day: string | undefined): Promise<TWeek> {
  requirePermanenceRight(ctx, 'read_visits');
  const { monday, sunday } = weekOf(day ?? parisDate(ctx.now));
  const slots = await organisationSlots(ctx.db, ctx.actor.organisationId);
  const visits = await visitsBetween(ctx.db, ctx.actor.organisationId, monday, sunday);
  const names = await userNames(ctx.db, [
    ...slots.flatMap((s) => s.staffUserIds),
    ...visits.flatMap((v) => (v.recordedByUserId ? [v.recordedByUserId] : [])),
  ]);
  const named = (ids: string[]) => ids.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));
  const occurrences = slots
    .flatMap((slot) =>
      occurrencesBetween(slot, monday, sunday).map((o) => ({
        slotId: slot.id,
        place: slot.place,
        date: o.date,
        startsAt: o.startsAt,
        endsAt: o.endsAt.toISOString(),
        staff: named(slot.staffUserIds),
        begun: o.startsAt.getTime() <= ctx.now.getTime(),
        visits: visits
          .filter((v) => v.slotId === slot.id && v.occurrenceDate === o.date)
          .map((v) => presentVisit(v, names)),
      })),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.place.localeCompare(b.place, 'fr'))
    .map((o) => ({ ...o, startsAt: o.startsAt.toISOString() }));
  await audit(ctx.db, ctx.actor, {
    action: 'permanence.week.read',
    entityType: 'permanence_week',
    details: { monday, visits: visits.length },
  });
  return { monday, sunday, occurrences };
}
