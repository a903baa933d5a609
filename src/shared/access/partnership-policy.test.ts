import { describe, expect, it } from 'vitest';
import type { Role } from '../contracts/roles.ts';
import { creatorSide, partnershipRefusal, PARTNERSHIP_ACTIONS } from './partnership-policy.ts';

const convention = { landlordOrganisationId: 'landlord', associationOrganisationId: 'association' };
const actor = (organisationId: string, ...roles: Role[]) => ({ organisationId, roles });
const allowed = (a: ReturnType<typeof actor>) =>
  PARTNERSHIP_ACTIONS.filter((action) => partnershipRefusal(a, action, convention) === null);

describe('partnership policy', () => {
  it.each<[string, ReturnType<typeof actor>, string[]]>([
    [
      'the landlord’s rental manager',
      actor('landlord', 'landlord_rental_manager'),
      ['read', 'manage_dwellings', 'amend'],
    ],
    ['the landlord’s administrator', actor('landlord', 'admin'), ['read', 'manage_dwellings', 'amend']],
    ['the landlord’s auditor', actor('landlord', 'auditor'), []],
    ['the association’s caseworker', actor('association', 'caseworker'), ['read', 'plan_gla', 'amend']],
    ['the association’s administrator', actor('association', 'admin'), ['read', 'plan_gla', 'amend']],
    ['another landlord’s manager', actor('other', 'landlord_rental_manager'), []],
    ['a caseworker of another association', actor('other', 'caseworker'), []],
  ])('%s', (_, who, expected) => {
    expect(allowed(who)).toEqual(expected);
  });

  it('lets landlord staff and association social workers create a convention, from their side', () => {
    expect(creatorSide({ ...actor('l', 'landlord_social_advisor'), organisationType: 'landlord' })).toBe(
      'landlord',
    );
    expect(creatorSide({ ...actor('a', 'team_manager'), organisationType: 'association' })).toBe(
      'association',
    );
    expect(creatorSide({ ...actor('a', 'auditor'), organisationType: 'association' })).toBeNull();
    expect(creatorSide({ ...actor('f', 'admin'), organisationType: 'funder' })).toBeNull();
  });
});
