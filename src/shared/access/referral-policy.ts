import type { OrganisationType, Role } from '../contracts/roles.ts';
import type { ReferralKind, ReferralStatus } from '../contracts/referral-enums.ts';
import type { ReferralAction, ReferralSide } from '../contracts/referrals.ts';
import type { ActorScope } from './household-access.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who may refer, receive and move a referral (saisine) along. Pure: the server enforces it, the web
 * client uses it to show only the buttons that would succeed.
 */

/**
 * The kinds of referral each type of organisation sends. The association runs the support, so it
 * refers on to another one either way; a landlord refers its own tenants for maintenance and a
 * household it would house for access; the SIAO orients towards housing (access); the CCAPEX
 * refers households threatened with eviction (maintenance, prevention). Funders and CCAS do not
 * refer through Relais.
 */
export const REFERRAL_KINDS_SENT_BY: Record<OrganisationType, readonly ReferralKind[]> = {
  landlord: ['maintenance', 'access'],
  association: ['maintenance', 'access'],
  siao: ['access'],
  ccapex: ['maintenance'],
  funder: [],
  other: [],
};

/** Who receives each kind: the association that will run the support. */
export const REFERRAL_RECEIVERS: Record<ReferralKind, readonly OrganisationType[]> = {
  maintenance: ['association'],
  access: ['association'],
};

/** Landlord staff refer for their organisation, social workers for theirs. */
const referringRoles = (type: OrganisationType) => (type === 'landlord' ? 'landlordStaff' : 'socialWork');

/** The kinds the actor may send, in the order of REFERRAL_KINDS_SENT_BY. */
export const referralKindsFor = (actor: ActorScope): readonly ReferralKind[] =>
  hasRoleIn(actor.roles, referringRoles(actor.organisationType))
    ? REFERRAL_KINDS_SENT_BY[actor.organisationType]
    : [];

export const canCreateReferral = (actor: ActorScope, kind: ReferralKind): boolean =>
  referralKindsFor(actor).includes(kind);

export const canReceiveReferral = (kind: ReferralKind, organisationType: OrganisationType) =>
  REFERRAL_RECEIVERS[kind].includes(organisationType);

/** A landlord refers for maintenance only a household it lets a dwelling to. */
export const maintenanceNeedsOwnTenant = (organisationType: OrganisationType) =>
  organisationType === 'landlord';

/** How the refusal names the organisations that do send a kind. */
const SENDER_NAMES: Record<OrganisationType, string> = {
  landlord: 'un bailleur',
  association: 'une association',
  siao: 'le SIAO',
  ccapex: 'la CCAPEX',
  funder: 'un financeur',
  other: 'un autre organisme',
};
const KIND_PHRASES: Record<ReferralKind, string> = {
  maintenance: 'pour un maintien dans le logement',
  access: 'pour un accès au logement',
};

/** Why the actor may not send this kind, in French; null when it may. */
export function referralRefusal(actor: ActorScope, kind: ReferralKind): string | null {
  if (canCreateReferral(actor, kind)) return null;
  if (!hasRoleIn(actor.roles, referringRoles(actor.organisationType))) {
    return 'Votre rôle ne permet pas d’adresser une saisine.';
  }
  const senders = Object.entries(REFERRAL_KINDS_SENT_BY)
    .filter(([, kinds]) => kinds.includes(kind))
    .map(([type]) => SENDER_NAMES[type as OrganisationType]);
  const who = senders.length > 1 ? `${senders.slice(0, -1).join(', ')} ou ${senders.at(-1)}` : senders[0];
  return `Votre organisation n’adresse pas de saisine ${KIND_PHRASES[kind]} : elle est faite par ${who}.`;
}

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
