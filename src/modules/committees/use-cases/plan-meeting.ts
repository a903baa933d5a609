import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, notFound } from '../../../kernel/errors.ts';
import { convenes } from '../../../shared/access/committee-policy.ts';
import type { TMeeting, ZMeetingCreate } from '../../../shared/contracts/committees.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { notifyOrganisation, notifyUsers } from '../../notifications/index.ts';
import { findCommittee, insertMeeting, membersOf, peopleOf } from '../committees.repository.ts';
import { getMeeting } from './get-meeting.ts';

/** Plans a meeting of a committee the coordinator's organisation convenes; members are invited. */
export async function planMeeting(
  ctx: Context,
  input: z.output<typeof ZMeetingCreate> & { committeeId: string },
): Promise<TMeeting> {
  const { db, actor } = ctx;
  const committee = await findCommittee(db, input.committeeId);
  if (!committee) throw notFound('Comité introuvable.');
  if (!convenes(actor, committee))
    throw forbidden(
      'Seuls les coordinateurs de l’organisation qui réunit le comité planifient ses réunions.',
    );
  const startsAt = new Date(input.startsAt);
  const id = await insertMeeting(db, {
    committeeId: committee.id,
    startsAt,
    durationMinutes: input.durationMinutes,
    location: input.location?.trim() || null,
    createdBy: actor.userId,
  });
  await audit(db, actor, {
    action: 'committee.meeting.plan',
    entityType: 'committee_meeting',
    entityId: id,
    details: { name: committee.name, startsAt: input.startsAt },
  });
  const notice = {
    kind: 'committee.meeting',
    title: `${committee.name} : réunion le ${formatDateTime(startsAt)}`,
    body: `Une réunion du ${committee.name} est prévue le ${formatDateTime(startsAt)}${input.location ? `, ${input.location}` : ''}. Vous pouvez proposer des situations à l’ordre du jour.`,
    link: `/comites/reunions/${id}`,
  };
  // The people named for an organisation are invited; an organisation that named none, all its staff.
  const people = await peopleOf(db, [committee.id]);
  for (const member of await membersOf(db, [committee.id])) {
    const named = people.flatMap((p) =>
      p.organisationId === member.organisationId && p.userId ? [p.userId] : [],
    );
    if (named.length > 0) await notifyUsers(db, named, notice);
    else await notifyOrganisation(db, { organisationId: member.organisationId, ...notice });
  }
  return getMeeting(ctx, id);
}
