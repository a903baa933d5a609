import { describe, expect, it } from 'vitest';
import { ORGANISATION_TYPES, type OrganisationType, type Role } from '../contracts/roles.ts';
import { REFERRAL_KINDS, type ReferralKind, type ReferralStatus } from '../contracts/referral-enums.ts';
import type { ReferralAction } from '../contracts/referrals.ts';
import {
  allowedReferralActions,
  canBeAssignedCaseworker,
  canCreateReferral,
  canListReferrals,
  canReadContactNotes,
  canReadReferral,
  canReceiveReferral,
  maintenanceNeedsOwnTenant,
  mayActOnReferral,
  referralKindsFor,
  referralRefusal,
  referralSide,
  statusAllows,
  type ReferralActor,
  type ReferralTarget,
} from './referral-policy.ts';

const LANDLORD = 'org-landlord';
const ASSO = 'org-asso';
const OTHER = 'org-other';
const ASSIGNED = 'user-assigned';

const actor = (
  organisationId: string,
  type: OrganisationType,
  roles: Role[],
  userId = 'user-x',
): ReferralActor => ({
  organisationId,
  organisationType: type,
  roles,
  userId,
});
const referral = (status: ReferralStatus, assigned: string | null = ASSIGNED): ReferralTarget => ({
  status,
  fromOrganisationId: LANDLORD,
  toOrganisationId: ASSO,
  assignedCaseworkerUserId: assigned,
});

describe('who sends which kind', () => {
  it.each<[OrganisationType, Role[], ReferralKind[]]>([
    ['landlord', ['landlord_social_advisor'], ['maintenance', 'access']],
    ['landlord', ['landlord_rental_manager'], ['maintenance', 'access']],
    ['landlord', ['admin'], []],
    ['landlord', ['caseworker'], []],
    ['association', ['caseworker'], ['maintenance', 'access']],
    ['association', ['team_manager'], ['maintenance', 'access']],
    ['association', ['admin'], []],
    ['association', ['landlord_social_advisor'], []],
    ['siao', ['caseworker'], ['access']],
    ['siao', ['team_manager'], ['access']],
    ['siao', ['auditor'], []],
    ['ccapex', ['caseworker'], ['maintenance']],
    ['ccapex', ['team_manager'], ['maintenance']],
    ['ccapex', ['committee_coordinator'], []],
    ['funder', ['funder_officer'], []],
    ['funder', ['caseworker'], []],
    ['other', ['caseworker'], []],
  ])('%s with %j sends %j', (type, roles, kinds) => {
    const a = actor('o', type, roles);
    expect(referralKindsFor(a)).toEqual(kinds);
    for (const kind of REFERRAL_KINDS) {
      expect(canCreateReferral(a, kind)).toBe(kinds.includes(kind));
      expect(referralRefusal(a, kind) === null).toBe(kinds.includes(kind));
    }
  });

  it('only a landlord must be the landlord of the household it refers for maintenance', () => {
    expect(ORGANISATION_TYPES.filter(maintenanceNeedsOwnTenant)).toEqual(['landlord']);
  });

  it.each<[OrganisationType, Role[], ReferralKind, string]>([
    [
      'siao',
      ['caseworker'],
      'maintenance',
      'Votre organisation n’adresse pas de saisine pour un maintien dans le logement : elle est faite par un bailleur, une association ou la CCAPEX.',
    ],
    [
      'ccapex',
      ['caseworker'],
      'access',
      'Votre organisation n’adresse pas de saisine pour un accès au logement : elle est faite par un bailleur, une association ou le SIAO.',
    ],
    ['siao', ['admin'], 'access', 'Votre rôle ne permet pas d’adresser une saisine.'],
  ])('%s with %j is told why it may not send %s', (type, roles, kind, message) => {
    expect(referralRefusal(actor('o', type, roles), kind)).toBe(message);
  });
});

describe('who receives, who is named référent', () => {
  it.each<[ReferralKind, OrganisationType, boolean]>(
    REFERRAL_KINDS.flatMap((kind) =>
      ORGANISATION_TYPES.map(
        (type) => [kind, type, type === 'association'] as [ReferralKind, OrganisationType, boolean],
      ),
    ),
  )('a %s referral may be addressed to %s: %s', (kind, type, expected) => {
    expect(canReceiveReferral(kind, type)).toBe(expected);
  });

  it.each<[Role[], boolean]>([
    [['caseworker'], true],
    [['team_manager', 'caseworker'], true],
    [['team_manager'], false],
    [['admin'], false],
  ])('roles %j may be assigned as caseworker: %s', (roles, expected) => {
    expect(canBeAssignedCaseworker(roles)).toBe(expected);
  });
});

describe('visibility', () => {
  it.each<[string, OrganisationType, Role[], 'sender' | 'receiver' | null, boolean]>([
    [LANDLORD, 'landlord', ['landlord_social_advisor'], 'sender', true],
    [LANDLORD, 'landlord', ['admin'], 'sender', false],
    [ASSO, 'association', ['caseworker'], 'receiver', true],
    [ASSO, 'association', ['team_manager'], 'receiver', true],
    [ASSO, 'association', ['admin'], 'receiver', true],
    [ASSO, 'association', ['auditor'], 'receiver', false],
    [OTHER, 'association', ['caseworker'], null, false],
    [OTHER, 'association', ['admin'], null, false],
  ])('%s %j is on side %s, reads: %s', (org, type, roles, side, reads) => {
    const a = actor(org, type, roles);
    expect(referralSide(a, referral('sent'))).toBe(side);
    expect(canReadReferral(a, referral('sent'))).toBe(reads);
  });

  it.each<[Role[], 'inbox' | 'sent', boolean]>([
    [['caseworker'], 'inbox', true],
    [['admin'], 'inbox', true],
    [['landlord_rental_manager'], 'inbox', false],
    [['landlord_rental_manager'], 'sent', true],
    [['caseworker'], 'sent', true],
    [['admin'], 'sent', false],
    [['auditor'], 'inbox', false],
  ])('roles %j list the %s box: %s', (roles, box, expected) => {
    expect(canListReferrals(actor('o', 'association', roles), box)).toBe(expected);
  });

  it('keeps contact-attempt notes on the receiving side', () => {
    expect(canReadContactNotes('receiver')).toBe(true);
    expect(canReadContactNotes('sender')).toBe(false);
  });
});

describe('transitions by status', () => {
  const table: [ReferralAction, ReferralStatus[]][] = [
    ['accept', ['sent']],
    ['decline', ['sent']],
    ['redirect', ['sent']],
    ['log_contact', ['accepted']],
    ['record_first_interview', ['accepted']],
  ];
  const statuses: ReferralStatus[] = ['sent', 'accepted', 'declined', 'redirected', 'case_opened'];
  it.each(
    table.flatMap(([action, allowed]) => statuses.map((s) => [action, s, allowed.includes(s)] as const)),
  )('%s from %s: %s', (action, status, expected) => {
    expect(statusAllows(action, status)).toBe(expected);
  });
});

describe('who may act on a referral', () => {
  const cases: [string, ReferralActor, ReferralAction, boolean][] = [
    ['receiving caseworker accepts', actor(ASSO, 'association', ['caseworker']), 'accept', true],
    ['receiving admin declines', actor(ASSO, 'association', ['admin']), 'decline', true],
    ['receiving team manager redirects', actor(ASSO, 'association', ['team_manager']), 'redirect', true],
    ['receiving auditor accepts', actor(ASSO, 'association', ['auditor']), 'accept', false],
    ['sender accepts its own', actor(LANDLORD, 'landlord', ['landlord_social_advisor']), 'accept', false],
    ['third organisation declines', actor(OTHER, 'association', ['admin']), 'decline', false],
    [
      'assigned caseworker logs contact',
      actor(ASSO, 'association', ['caseworker'], ASSIGNED),
      'log_contact',
      true,
    ],
    ['other caseworker logs contact', actor(ASSO, 'association', ['caseworker']), 'log_contact', false],
    ['team manager logs contact', actor(ASSO, 'association', ['team_manager']), 'log_contact', true],
    ['admin logs contact', actor(ASSO, 'association', ['admin']), 'log_contact', false],
    [
      'assigned caseworker opens the case',
      actor(ASSO, 'association', ['caseworker'], ASSIGNED),
      'record_first_interview',
      true,
    ],
    [
      'sender opens the case',
      actor(LANDLORD, 'landlord', ['landlord_social_advisor'], ASSIGNED),
      'record_first_interview',
      false,
    ],
  ];
  it.each(cases)('%s: %s', (_label, a, action, expected) => {
    expect(mayActOnReferral(a, referral('accepted'), action)).toBe(expected);
  });

  it('offers only the actions both role and status allow', () => {
    const manager = actor(ASSO, 'association', ['team_manager']);
    expect(allowedReferralActions(manager, referral('sent'))).toEqual(['accept', 'decline', 'redirect']);
    expect(allowedReferralActions(manager, referral('accepted'))).toEqual([
      'log_contact',
      'record_first_interview',
    ]);
    expect(allowedReferralActions(manager, referral('case_opened'))).toEqual([]);
    const sender = actor(LANDLORD, 'landlord', ['landlord_social_advisor']);
    expect(allowedReferralActions(sender, referral('sent'))).toEqual([]);
  });
});
