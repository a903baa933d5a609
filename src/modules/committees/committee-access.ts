import type { Context } from '../../kernel/context.ts';
import { forbidden, notFound } from '../../kernel/errors.ts';
import { convenes, sitsOn } from '../../shared/access/committee-policy.ts';
import { findCommittee, findMeeting, isMember, type MeetingRecord } from './committees.repository.ts';

export const MEETING_NOT_FOUND = 'Réunion introuvable.';

/**
 * The meeting, for a reader whose organisation sits on its committee: an unknown meeting and one of
 * a committee the organisation does not sit on answer the same 404.
 */
export async function requireMeeting(
  ctx: Context,
  meetingId: string,
): Promise<MeetingRecord & { convenes: boolean }> {
  const record = await findMeeting(ctx.db, meetingId);
  if (!record) throw notFound(MEETING_NOT_FOUND);
  const member = await isMember(ctx.db, record.committee.id, ctx.actor.organisationId);
  if (!sitsOn(ctx.actor, record.committee, member ? [ctx.actor.organisationId] : []))
    throw notFound(MEETING_NOT_FOUND);
  return { ...record, convenes: convenes(ctx.actor, record.committee) };
}

/** The meeting, for its committee's coordinators only. */
export async function requireConvenedMeeting(ctx: Context, meetingId: string) {
  const record = await requireMeeting(ctx, meetingId);
  if (!record.convenes)
    throw forbidden(
      'Seuls les coordinateurs de l’organisation qui réunit le comité préparent la réunion et enregistrent ses décisions.',
    );
  return record;
}

/** The committee, for the coordinators of the organisation that convenes it. */
export async function requireConvenedCommittee(ctx: Context, committeeId: string) {
  const committee = await requireCommittee(ctx, committeeId);
  if (!committee.convenes)
    throw forbidden(
      'Seuls les coordinateurs de l’organisation qui réunit le comité en changent les membres.',
    );
  return committee;
}

/** The committee, for a reader whose organisation sits on it (404 otherwise, like an unknown one). */
export async function requireCommittee(ctx: Context, committeeId: string) {
  const committee = await findCommittee(ctx.db, committeeId);
  const member = committee && (await isMember(ctx.db, committee.id, ctx.actor.organisationId));
  if (!committee || !sitsOn(ctx.actor, committee, member ? [ctx.actor.organisationId] : []))
    throw notFound('Comité introuvable.');
  return { ...committee, convenes: convenes(ctx.actor, committee) };
}
