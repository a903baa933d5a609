import {
  ZCommitteeCreate,
  ZCommitteeList,
  ZCommitteeParams,
  ZCommitteeSummary,
  ZDecisionInput,
  ZHouseholdPresenceInput,
  ZItemCreate,
  ZItemParams,
  ZMeeting,
  ZMeetingCreate,
  ZMeetingParams,
} from '../contracts/committees.ts';
import { defineRoute, FILE_RESPONSE } from './define.ts';

const tag = 'comités';

/**
 * Committees, their meetings, agendas and decisions. A meeting is reached by the organisations that
 * sit on its committee (others get 404); each item says only what the reader's access allows.
 */
export const COMMITTEE_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/committees',
    tag,
    summary: 'Comités que mon organisation réunit ou dont elle est membre, avec leurs réunions',
    response: ZCommitteeList,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/committees',
    tag,
    summary: 'Réunir un comité : type, fréquence, organisations membres (coordinateur)',
    body: ZCommitteeCreate,
    response: ZCommitteeSummary,
    status: 201,
  }),
  planMeeting: defineRoute({
    method: 'POST',
    path: '/api/committees/:committeeId/meetings',
    tag,
    summary: 'Planifier une réunion (les membres sont prévenus)',
    params: ZCommitteeParams,
    body: ZMeetingCreate,
    response: ZMeeting,
    status: 201,
  }),
  meeting: defineRoute({
    method: 'GET',
    path: '/api/meetings/:meetingId',
    tag,
    summary: 'Réunion : ordre du jour, décisions et, pour les coordinateurs, ce qui attend',
    params: ZMeetingParams,
    response: ZMeeting,
  }),
  addItem: defineRoute({
    method: 'POST',
    path: '/api/meetings/:meetingId/items',
    tag,
    summary: 'Inscrire une situation à l’ordre du jour',
    params: ZMeetingParams,
    body: ZItemCreate,
    response: ZMeeting,
    status: 201,
  }),
  presence: defineRoute({
    method: 'PUT',
    path: '/api/meetings/:meetingId/items/:itemId/household',
    tag,
    summary: 'Information et présence du ménage',
    params: ZItemParams,
    body: ZHouseholdPresenceInput,
    response: ZMeeting,
  }),
  decide: defineRoute({
    method: 'POST',
    path: '/api/meetings/:meetingId/items/:itemId/decision',
    tag,
    summary:
      'Enregistrer la décision sur un point (orientation, ajournement, refus, renouvellement, clôture)',
    params: ZItemParams,
    body: ZDecisionInput,
    response: ZMeeting,
    status: 201,
    errors: [409],
  }),
  minutes: defineRoute({
    method: 'GET',
    path: '/api/meetings/:meetingId/minutes.pdf',
    tag,
    summary: 'Relevé de décisions en PDF, tel que mon organisation peut le lire',
    params: ZMeetingParams,
    response: FILE_RESPONSE,
  }),
  invitation: defineRoute({
    method: 'GET',
    path: '/api/meetings/:meetingId/invitation.ics',
    tag,
    summary: 'Invitation à la réunion, pour l’agenda (fichier ICS)',
    params: ZMeetingParams,
    response: FILE_RESPONSE,
  }),
};
