import { describe, expect, it } from 'vitest';
import type { Role } from '../contracts/roles.ts';
import { canDoLease, LEASE_ACTIONS, leaseRefusal, rentCollector, type LeaseAction } from './lease-policy.ts';

const LANDLORD = 'landlord-org';
const ASSOCIATION = 'association-org';
const OTHER = 'other-org';
const directLease = {
  kind: 'direct_lease',
  lessorOrganisationId: LANDLORD,
  intermediaryOrganisationId: null,
} as const;
const glissant = {
  kind: 'bail_glissant',
  lessorOrganisationId: LANDLORD,
  intermediaryOrganisationId: ASSOCIATION,
} as const;
const mandate = {
  kind: 'management_mandate',
  lessorOrganisationId: null,
  intermediaryOrganisationId: ASSOCIATION,
} as const;

const actor = (organisationId: string, ...roles: Role[]) => ({ organisationId, roles });
const allowed = (
  a: ReturnType<typeof actor>,
  contract: typeof directLease | typeof glissant,
  readsHousehold = false,
) => LEASE_ACTIONS.filter((action) => canDoLease(a, action, contract, readsHousehold));

describe('lease policy', () => {
  it('has the association collect the rent of subleases and mandates, the lessor otherwise', () => {
    expect(rentCollector(directLease)).toBe(LANDLORD);
    expect(rentCollector(glissant)).toBe(ASSOCIATION);
    expect(rentCollector(mandate)).toBe(ASSOCIATION);
  });

  const ALL_BUT_LINK = LEASE_ACTIONS.filter((a) => a !== 'link_household');
  it.each<[string, ReturnType<typeof actor>, typeof directLease | typeof glissant, boolean, LeaseAction[]]>([
    [
      'the landlord’s rental manager, its direct lease',
      actor(LANDLORD, 'landlord_rental_manager'),
      directLease,
      false,
      ALL_BUT_LINK,
    ],
    [
      'the landlord’s rental manager, its direct lease, to a file it reads',
      actor(LANDLORD, 'landlord_rental_manager'),
      directLease,
      true,
      [...LEASE_ACTIONS],
    ],
    [
      'the landlord’s adviser, a sublease of its dwelling',
      actor(LANDLORD, 'landlord_social_advisor'),
      glissant,
      false,
      ['read_contract', 'manage_contract', 'evaluate_sliding', 'refer_occupant', 'unlink_household'],
    ],
    [
      'the association’s social worker, its sublease',
      actor(ASSOCIATION, 'caseworker'),
      glissant,
      false,
      LEASE_ACTIONS.filter((a) => a !== 'link_household' && a !== 'refer_occupant'),
    ],
    [
      'the association’s social worker, its sublease, to a file it reads',
      actor(ASSOCIATION, 'caseworker'),
      glissant,
      true,
      LEASE_ACTIONS.filter((a) => a !== 'refer_occupant'),
    ],
    [
      'the association’s social worker, a direct lease of a household it follows',
      actor(ASSOCIATION, 'caseworker'),
      directLease,
      true,
      ['read_contract', 'read_account', 'unlink_household'],
    ],
    [
      'the association’s social worker, a direct lease of a household it does not follow',
      actor(ASSOCIATION, 'caseworker'),
      directLease,
      false,
      [],
    ],
    ['a funder reading the household', actor(OTHER, 'funder_officer'), glissant, true, ['read_contract']],
    ['another landlord', actor(OTHER, 'landlord_rental_manager'), directLease, false, []],
    [
      'another landlord reading the household',
      actor(OTHER, 'landlord_rental_manager'),
      directLease,
      true,
      ['read_contract'],
    ],
    ['the landlord’s auditor', actor(LANDLORD, 'auditor'), directLease, false, []],
    [
      'the landlord’s auditor reading the household',
      actor(LANDLORD, 'auditor'),
      directLease,
      true,
      ['read_contract'],
    ],
    [
      'the association’s administrator',
      actor(ASSOCIATION, 'admin'),
      glissant,
      false,
      LEASE_ACTIONS.filter((a) => a !== 'link_household' && a !== 'refer_occupant'),
    ],
  ])('%s', (_, who, contract, readsHousehold, expected) => {
    expect(allowed(who, contract, readsHousehold)).toEqual(expected);
  });

  it('says in French why an action is refused', () => {
    expect(leaseRefusal(actor(OTHER, 'caseworker'), 'post_to_account', glissant, true)).toMatch(
      /encaisse le loyer/,
    );
    expect(
      leaseRefusal(actor(LANDLORD, 'landlord_rental_manager'), 'link_household', directLease, false),
    ).toMatch(/ménage auquel vous avez accès/);
    expect(leaseRefusal(actor(OTHER, 'caseworker'), 'link_household', directLease, true)).toMatch(
      /Seuls le bailleur et l’association/,
    );
    expect(leaseRefusal(actor(ASSOCIATION, 'caseworker'), 'refer_occupant', glissant, true)).toMatch(
      /Seul le bailleur du logement/,
    );
  });
});
