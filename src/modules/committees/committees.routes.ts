import type { Routes } from '../../kernel/routes.ts';
import { COMMITTEE_ROUTES as R } from '../../shared/routes/committees.ts';
import { listCommittees } from './use-cases/list-committees.ts';
import { createCommittee } from './use-cases/create-committee.ts';
import { addCommitteeMember, removeCommitteeMember } from './use-cases/change-committee-members.ts';
import { addCommitteePerson, removeCommitteePerson } from './use-cases/change-committee-people.ts';
import { planMeeting } from './use-cases/plan-meeting.ts';
import { getMeeting } from './use-cases/get-meeting.ts';
import { addItem } from './use-cases/add-item.ts';
import { setHouseholdPresence } from './use-cases/set-household-presence.ts';
import { recordDecision } from './use-cases/record-decision.ts';
import { meetingInvitation } from './use-cases/meeting-invitation.ts';
import { meetingMinutes } from './use-cases/meeting-minutes.ts';

/** Committees, meetings, agendas and decisions (transport only). */
export function committeesRoutes(routes: Routes): void {
  routes.add(R.list, async (ctx) => ({ items: await listCommittees(ctx) }));
  routes.add(R.create, (ctx, { body }) => createCommittee(ctx, body));
  routes.add(R.addMember, (ctx, { params, body }) => addCommitteeMember(ctx, { ...params, ...body }));
  routes.add(R.removeMember, (ctx, { params }) => removeCommitteeMember(ctx, params));
  routes.add(R.addPerson, (ctx, { params, body }) => addCommitteePerson(ctx, { ...params, ...body }));
  routes.add(R.removePerson, (ctx, { params }) => removeCommitteePerson(ctx, params));
  routes.add(R.planMeeting, (ctx, { params, body }) => planMeeting(ctx, { ...params, ...body }));
  routes.add(R.meeting, (ctx, { params }) => getMeeting(ctx, params.meetingId));
  routes.add(R.addItem, (ctx, { params, body }) => addItem(ctx, { ...params, ...body }));
  routes.add(R.presence, (ctx, { params, body }) => setHouseholdPresence(ctx, { ...params, ...body }));
  routes.add(R.decide, (ctx, { params, body }) => recordDecision(ctx, { ...params, ...body }));
  routes.add(R.minutes, (ctx, { params }) => meetingMinutes(ctx, params.meetingId));
  routes.add(R.invitation, (ctx, { params }) => meetingInvitation(ctx, params.meetingId));
}
