import type {
  ReferralAction,
  ReferralEventType,
  ReferralSide,
  TContactAttempt,
  TReferralDetail,
  TReferralEvent,
  TReferralHouseholdSummary,
  TReferralListItem,
  TReferralTransitionResult,
} from '../../shared/contracts/referrals.ts';
import { canReadContactNotes } from '../../shared/access/referral-policy.ts';
import type {
  ContactAttemptRow,
  ReferralEventRow,
  ReferralListRow,
  ReferralRow,
} from './referrals.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentReferralListItem(row: ReferralListRow): TReferralListItem {
  const r = row.referral;
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    fromOrganisation: row.fromOrganisation,
    toOrganisation: row.toOrganisation,
    referencePersonName: row.referencePersonName,
    reasons: r.reasons,
    readyToLeave: r.readyToLeave,
    assignedCaseworker:
      r.assignedCaseworkerUserId && row.caseworkerName
        ? { id: r.assignedCaseworkerUserId, name: row.caseworkerName }
        : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export const presentReferralEvent = (row: ReferralEventRow): TReferralEvent => ({
  id: row.id,
  // Written only through insertReferralEvent, whose type is the closed list.
  type: row.type as ReferralEventType,
  at: row.at.toISOString(),
  user: row.user,
  organisation: row.organisation,
  detail: row.detail,
});

/** The referring side sees that contact was attempted, how, and with what outcome; not the note. */
export const presentContactAttempt = (row: ContactAttemptRow, side: ReferralSide): TContactAttempt => ({
  id: row.id,
  method: row.method,
  outcome: row.outcome,
  attemptedAt: row.attemptedAt.toISOString(),
  note: canReadContactNotes(side) ? row.note : null,
  user: row.user,
});

export function presentReferralDetail(input: {
  row: ReferralListRow;
  side: ReferralSide;
  fromUser: { id: string; name: string } | null;
  decidedBy: { id: string; name: string } | null;
  household: TReferralHouseholdSummary;
  facts: Pick<TReferralDetail, 'arrears' | 'evictionProcedure' | 'householdAgreement'>;
  events: ReferralEventRow[];
  contactAttempts: ContactAttemptRow[];
  allowedActions: ReferralAction[];
}): TReferralDetail {
  const r = input.row.referral;
  return {
    ...presentReferralListItem(input.row),
    side: input.side,
    fromUser: input.fromUser,
    household: input.household,
    ...input.facts,
    shelteredSince: r.shelteredSince,
    housingProject: r.housingProject,
    freeText: r.freeText,
    declineReason: r.declineReason,
    decidedAt: iso(r.decidedAt),
    decidedBy: input.decidedBy,
    firstInterviewAt: iso(r.firstInterviewAt),
    redirectedFromReferralId: r.redirectedFromReferralId,
    redirectedToReferralId: r.redirectedToReferralId,
    contactAttempts: input.contactAttempts.map((a) => presentContactAttempt(a, input.side)),
    events: input.events.map(presentReferralEvent),
    allowedActions: input.allowedActions,
  };
}

export const presentTransition = (r: ReferralRow): TReferralTransitionResult => ({
  id: r.id,
  status: r.status,
  version: r.version,
  redirectedToReferralId: r.redirectedToReferralId,
});
