import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, notFound } from '../../../kernel/errors.ts';
import type { HouseholdPresence, TMeeting } from '../../../shared/contracts/committees.ts';
import { requireMeeting } from '../committee-access.ts';
import { findItem, setPresence } from '../committees.repository.ts';
import { getMeeting } from './get-meeting.ts';

/** Records that the household was told of the meeting, and whether it came: the coordinators or the adder. */
export async function setHouseholdPresence(
  ctx: Context,
  input: { meetingId: string; itemId: string; presence: HouseholdPresence },
): Promise<TMeeting> {
  const { db, actor } = ctx;
  const { meeting, convenes } = await requireMeeting(ctx, input.meetingId);
  const found = await findItem(db, meeting.id, input.itemId);
  if (!found) throw notFound('Point de l’ordre du jour introuvable.');
  if (!convenes && found.item.addedByOrganisationId !== actor.organisationId)
    throw forbidden('Seuls les coordinateurs et l’organisation qui a proposé la situation l’enregistrent.');
  await setPresence(db, found.item.id, input.presence);
  await audit(db, actor, {
    action: 'committee.item.presence',
    entityType: 'meeting_item',
    entityId: found.item.id,
    householdId: found.item.householdId,
    details: { presence: input.presence },
  });
  return getMeeting(ctx, meeting.id);
}
