import type { OrganisationType, Role } from '../contracts/roles.ts';
import type { ReferralKind, ReferralStatus } from '../contracts/referral-enums.ts';
import type { ReferralAction, ReferralSide } from '../contracts/referrals.ts';
import type { ActorScope } from './household-access.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who may refer, receive and move a referral (saisine) along. Pure: the server enforces it, the web
 * client uses it to show only the buttons that would succeed.
 */

/** Maintenance comes from a landlord; access from an association or the SIAO. */
export function canCreateReferral(actor: ActorScope, kind: ReferralKind): boolean {
  if (kind === 'maintenance') {
    return actor.organisationType === 'landlord' && hasRoleIn(actor.roles, 'landlordStaff');
  }
  return (
    (actor.organisationType === 'association' || actor.organisationType === 'siao') &&
    hasRoleIn(actor.roles, 'socialWork')
  );
}

/** Referrals of both kinds go to an association (the operator that runs the support). */
export const canReceiveReferral = (organisationType: OrganisationType) => organisationType === 'association';

/** Only a caseworker of the receiving organisation may become the household's référent. */
export const canBeAssignedCaseworker = (roles: readonly Role[]) => roles.includes('caseworker');

/** Statuses from which each action may be taken. */
export const ACTION_FROM_STATUSES: Record<ReferralAction, readonly ReferralStatus[]> = {
  accept: ['sent'],
  decline: ['sent'],
  redirect: ['sent'],
  log_contact: ['accepted'],
  record_first_interview: ['accepted'],
};

/** Actions that change the status (a contact attempt leaves it as it is). */
export type ReferralTransition = Exclude<ReferralAction, 'log_contact'>;

/** The status each transition leads to. */
export const TRANSITION_TO_STATUS: Record<ReferralTransition, ReferralStatus> = {
  accept: 'accepted',
  decline: 'declined',
  redirect: 'redirected',
  record_first_interview: 'case_opened',
};

export const INVALID_STATE_MESSAGES: Record<ReferralAction, string> = {
  accept: 'Seule une saisine en attente de réponse peut être acceptée.',
  decline: 'Seule une saisine en attente de réponse peut être refusée.',
  redirect: 'Seule une saisine en attente de réponse peut être réorientée.',
  log_contact: 'Les tentatives de contact se notent sur une saisine acceptée, avant le premier entretien.',
  record_first_interview: 'Le premier entretien se note sur une saisine acceptée, une seule fois.',
};

export interface ReferralTarget {
  status: ReferralStatus;
  fromOrganisationId: string;
  toOrganisationId: string;
  assignedCaseworkerUserId: string | null;
}

export interface ReferralActor extends ActorScope {
  userId: string;
}

/** Which side of the referral the actor's organisation is on; null = it may not see it at all. */
export function referralSide(actor: ActorScope, target: ReferralTarget): ReferralSide | null {
  if (actor.organisationId === target.toOrganisationId) return 'receiver';
  if (actor.organisationId === target.fromOrganisationId) return 'sender';
  return null;
}

/**
 * Whether the actor may see the referral at all: its organisation is on one side and the actor
 * holds a role that works with referrals there. Anything else answers 404.
 */
export function canReadReferral(actor: ActorScope, target: ReferralTarget): boolean {
  const side = referralSide(actor, target);
  if (side === 'receiver') return hasRoleIn(actor.roles, 'referralDeciders');
  if (side === 'sender') return hasRoleIn(actor.roles, 'referrers');
  return false;
}

/** The inbox is for those who decide on incoming referrals, the sent list for those who refer. */
export const canListReferrals = (actor: ActorScope, box: 'inbox' | 'sent') =>
  hasRoleIn(actor.roles, box === 'inbox' ? 'referralDeciders' : 'referrers');

/**
 * Whether the actor's role and side allow the action, whatever the current status. Following up
 * an accepted referral is the assigned caseworker's work, or their team manager's.
 */
export function mayActOnReferral(
  actor: ReferralActor,
  target: ReferralTarget,
  action: ReferralAction,
): boolean {
  if (referralSide(actor, target) !== 'receiver' || !canReadReferral(actor, target)) return false;
  switch (action) {
    case 'accept':
    case 'decline':
    case 'redirect':
      return hasRoleIn(actor.roles, 'referralDeciders');
    case 'log_contact':
    case 'record_first_interview':
      return (
        actor.roles.includes('team_manager') ||
        (actor.roles.includes('caseworker') && actor.userId === target.assignedCaseworkerUserId)
      );
  }
}

export const statusAllows = (action: ReferralAction, status: ReferralStatus) =>
  ACTION_FROM_STATUSES[action].includes(status);

const ALL_ACTIONS = Object.keys(ACTION_FROM_STATUSES) as ReferralAction[];

/** The actions the actor may take now, in the order the UI shows them. */
export const allowedReferralActions = (actor: ReferralActor, target: ReferralTarget): ReferralAction[] =>
  ALL_ACTIONS.filter((a) => mayActOnReferral(actor, target, a) && statusAllows(a, target.status));

/** Contact-attempt notes are the caseworker's working notes: the referring side sees method and outcome. */
export const canReadContactNotes = (side: ReferralSide) => side === 'receiver';
