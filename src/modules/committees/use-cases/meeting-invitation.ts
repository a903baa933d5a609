import { createEvent } from 'ics';
import type { Context } from '../../../kernel/context.ts';
import type { FileAnswer } from '../../../shared/routes/define.ts';
import { COMMITTEE_KIND_LABELS } from '../../../shared/contracts/committees.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { requireMeeting } from '../committee-access.ts';
import { peopleOf } from '../committees.repository.ts';
import { personLine } from '../committee-people.ts';

/**
 * The meeting as a calendar file for the members' agendas. The start is an exact instant, which
 * calendars show in the reader's zone; the description states it in Paris time and who sits. No
 * household in it.
 */
export async function meetingInvitation(ctx: Context, meetingId: string): Promise<FileAnswer> {
  const { meeting, committee } = await requireMeeting(ctx, meetingId);
  const people = await peopleOf(ctx.db, [committee.id]);
  const { error, value } = createEvent({
    uid: `${meeting.id}@relais`,
    productId: 'Relais',
    start: meeting.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: meeting.durationMinutes },
    title: committee.name,
    description: [
      `${COMMITTEE_KIND_LABELS[committee.kind]} — réunion du ${formatDateTime(meeting.startsAt)} (heure de Paris).`,
      ...people.map((p) => `${personLine(p)}.`),
    ].join('\n'),
    ...(meeting.location ? { location: meeting.location } : {}),
    status: 'CONFIRMED',
    // Those who sit with an account, by their work address; the others are listed in the description.
    attendees: people.flatMap((p) =>
      p.email ? [{ name: p.fullName, email: p.email, rsvp: true, role: 'REQ-PARTICIPANT' as const }] : [],
    ),
  });
  if (error || !value) throw error ?? new Error('Invitation impossible à produire.');
  return {
    fileName: `reunion-${formatDateTime(meeting.startsAt).slice(0, 10).split('/').reverse().join('-')}.ics`,
    mimeType: 'text/calendar; charset=utf-8',
    content: Buffer.from(value, 'utf8'),
  };
}
