import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TMeeting } from '../../../shared/contracts/committees.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireMeeting } from '../committee-access.ts';
import { itemsOf, membersOf, peopleOf, waitingFor } from '../committees.repository.ts';
import { personPresenter } from '../committee-people.ts';
import { presentItem, presentSuggestions } from '../meeting.presenter.ts';

/**
 * A meeting and its agenda as the reader's organisation may see it; for the coordinators, what
 * waits among the households the members follow. The read is audited with the files it names.
 */
export async function getMeeting(ctx: Context, meetingId: string): Promise<TMeeting> {
  const { db, actor, now } = ctx;
  const { meeting, committee, convenes } = await requireMeeting(ctx, meetingId);
  const [items, memberRows, people] = await Promise.all([
    itemsOf(db, meeting.id, actor.organisationId, now),
    membersOf(db, [committee.id]),
    peopleOf(db, [committee.id]),
  ]);
  const members = [committee.organisationId, ...memberRows.map((m) => m.organisationId)];
  const meetingDay = parisDate(meeting.startsAt);
  const suggestions = convenes
    ? presentSuggestions(
        await waitingFor(db, {
          committeeId: committee.id,
          memberOrganisationIds: members,
          meetingDay,
          at: now,
        }),
        meetingDay,
      )
    : [];
  await audit(db, actor, {
    action: 'committee.meeting.read',
    entityType: 'committee_meeting',
    entityId: meeting.id,
    details: { name: committee.name, householdIds: [...new Set(items.map((i) => i.item.householdId))] },
  });
  return {
    id: meeting.id,
    committeeId: committee.id,
    committeeName: committee.name,
    committeeKind: committee.kind,
    startsAt: meeting.startsAt.toISOString(),
    durationMinutes: meeting.durationMinutes,
    location: meeting.location,
    convenes,
    people: people.map(personPresenter(ctx.actor.userId)),
    items: items.map((i) => presentItem(i, convenes, actor.organisationId)),
    suggestions,
  };
}
