import { asc, eq, gte } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { parisDate } from '../../shared/time.ts';
import { membersOf, waitingFor } from './committees.repository.ts';
import { committeeMeetings, committees } from './schema.ts';

/**
 * The running measures each committee's next meeting should review, by the same rule its agenda
 * suggestions follow (ending within two months of the meeting, or past their end, and not yet
 * presented to that committee): what the alerts turn into tasks for the measures' référents.
 */
export async function measuresDueAtNextMeetings(
  q: Queryable,
  at: Date,
): Promise<{ measureId: string; committeeName: string; meetingDay: string }[]> {
  const upcoming = await q
    .selectDistinctOn([committeeMeetings.committeeId], {
      committeeId: committees.id,
      organisationId: committees.organisationId,
      name: committees.name,
      startsAt: committeeMeetings.startsAt,
    })
    .from(committeeMeetings)
    .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
    .where(gte(committeeMeetings.startsAt, at))
    .orderBy(asc(committeeMeetings.committeeId), asc(committeeMeetings.startsAt));
  const members = await membersOf(
    q,
    upcoming.map((u) => u.committeeId),
  );
  const due = [];
  for (const next of upcoming) {
    const meetingDay = parisDate(next.startsAt);
    const waiting = await waitingFor(q, {
      committeeId: next.committeeId,
      memberOrganisationIds: [
        next.organisationId,
        ...members.filter((m) => m.committeeId === next.committeeId).map((m) => m.organisationId),
      ],
      meetingDay,
      at,
    });
    for (const m of waiting.measures) {
      if (m.status === 'active') due.push({ measureId: m.id, committeeName: next.name, meetingDay });
    }
  }
  return due;
}
