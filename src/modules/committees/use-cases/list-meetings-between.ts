import type { Context } from '../../../kernel/context.ts';
import { meetingsOfOrganisationBetween } from '../committees.repository.ts';

export interface MeetingSlot {
  id: string;
  committeeName: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
}

/**
 * The meetings, between two instants, of the committees the actor's organisation convenes or sits on: for a
 * caseworker's week in the agenda. Only when and where; no agenda item, so no household.
 */
export async function listMeetingsBetween(
  ctx: Context,
  input: { from: Date; until: Date },
): Promise<MeetingSlot[]> {
  const rows = await meetingsOfOrganisationBetween(ctx.db, {
    organisationId: ctx.actor.organisationId,
    ...input,
  });
  return rows.map((m) => ({
    id: m.id,
    committeeName: m.committeeName,
    startsAt: m.startsAt,
    endsAt: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
    location: m.location,
  }));
}
