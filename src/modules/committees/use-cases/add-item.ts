import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid } from '../../../kernel/errors.ts';
import { canAddItem } from '../../../shared/access/committee-policy.ts';
import type { TMeeting, ZItemCreate } from '../../../shared/contracts/committees.ts';
import { activeParties } from '../../households/index.ts';
import { requireMeeting } from '../committee-access.ts';
import { insertItem, membersOf, referenceOf } from '../committees.repository.ts';
import { getMeeting } from './get-meeting.ts';

const REFERENCE_KIND = {
  referral: 'referral',
  diagnostic: 'diagnostic',
  measure_review: 'measure',
  measure_closing: 'measure',
} as const;

/**
 * Puts a household on the agenda: a party's staff for the households they follow, the coordinators
 * for any that waits. A household the adder may not see answers like an unknown one.
 */
export async function addItem(
  ctx: Context,
  input: z.output<typeof ZItemCreate> & { meetingId: string },
): Promise<TMeeting> {
  const { db, actor, now } = ctx;
  const { meeting, committee } = await requireMeeting(ctx, input.meetingId);
  const parties = await activeParties(db, input.householdId, now);
  const isParty = parties.some((p) => p.organisationId === actor.organisationId);
  // A coordinator who is no party reaches only the households the committee's members follow.
  const members = new Set([
    committee.organisationId,
    ...(await membersOf(db, [committee.id])).map((m) => m.organisationId),
  ]);
  const followed = parties.some((p) => members.has(p.organisationId));
  if (!followed || !canAddItem(actor, committee, isParty)) {
    if (!isParty)
      throw invalid({ householdId: 'Dossier introuvable parmi ceux que suivent les membres du comité.' });
    throw forbidden(
      'Seuls les professionnels parties au dossier et les coordinateurs proposent une situation.',
    );
  }
  const wanted = input.kind === 'other' ? null : REFERENCE_KIND[input.kind];
  if (wanted) {
    const reference = input.referenceId ? await referenceOf(db, input.householdId, input.referenceId) : null;
    if (reference?.kind !== wanted)
      throw invalid({
        referenceId: 'Choisissez ce qui est présenté : une saisine, un diagnostic ou une mesure du ménage.',
      });
  }
  const id = await insertItem(db, {
    meetingId: meeting.id,
    householdId: input.householdId,
    kind: input.kind,
    referenceId: wanted ? input.referenceId! : null,
    title: input.title,
    addedByOrganisationId: actor.organisationId,
    addedByUserId: actor.userId,
  });
  await audit(db, actor, {
    action: 'committee.item.add',
    entityType: 'meeting_item',
    entityId: id,
    householdId: input.householdId,
    details: { name: committee.name },
  });
  return getMeeting(ctx, meeting.id);
}
