import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { FileAnswer } from '../../../shared/routes/define.ts';
import { organisationName } from '../../organisations/index.ts';
import { renderMinutesPdf } from '../meeting-minutes.ts';
import { getMeeting } from './get-meeting.ts';

/** The minutes as a PDF, for one member: what the meeting shows that member, nothing more. */
export async function meetingMinutes(ctx: Context, meetingId: string): Promise<FileAnswer> {
  const meeting = await getMeeting(ctx, meetingId);
  const reader = (await organisationName(ctx.db, ctx.actor.organisationId)) ?? '';
  await audit(ctx.db, ctx.actor, {
    action: 'committee.minutes.export',
    entityType: 'committee_meeting',
    entityId: meeting.id,
    details: { name: meeting.committeeName },
  });
  return {
    fileName: `releve-de-decisions-${meeting.startsAt.slice(0, 10)}.pdf`,
    mimeType: 'application/pdf',
    content: await renderMinutesPdf(meeting, reader, ctx.now),
  };
}
