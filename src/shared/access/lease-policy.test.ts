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

  it.each<[string, ReturnType<typeof actor>, typeof directLease | typeof glissant, boolean, LeaseAction[]]>([
    [
      'the landlord’s rental manager, its direct lease',
      actor(LANDLORD, 'landlord_rental_manager'),
      directLease,
      false,
      [...LEASE_ACTIONS],
    ],
    [
      'the landlord’s adviser, a sublease of its dwelling',
      actor(LANDLORD, 'landlord_social_advisor'),
      glissant,
      false,
      ['read_contract', 'manage_contract', 'evaluate_sliding'],
    ],
    [
      'the association’s social worker, its sublease',
      actor(ASSOCIATION, 'caseworker'),
      glissant,
      false,
      [...LEASE_ACTIONS],
    ],
    [
      'the association’s social worker, a direct lease of a household it follows',
      actor(ASSOCIATION, 'caseworker'),
      directLease,
      true,
      ['read_contract', 'read_account'],
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
    ['the landlord’s auditor', actor(LANDLORD, 'auditor'), directLease, false, []],
    ['the association’s administrator', actor(ASSOCIATION, 'admin'), glissant, false, [...LEASE_ACTIONS]],
  ])('%s', (_, who, contract, readsHousehold, expected) => {
    expect(allowed(who, contract, readsHousehold)).toEqual(expected);
  });

  it('says in French why an action is refused', () => {
    expect(leaseRefusal(actor(OTHER, 'caseworker'), 'post_to_account', glissant, true)).toMatch(
      /encaisse le loyer/,
    );
  });
});
