import { describe, expect, it } from 'vitest';
import type { OrganisationType, Role } from '../contracts/roles.ts';
import type { HouseholdAccessLevel } from './household-access.ts';
import { mayReadCalFile } from './proposal-policy.ts';

const actor = (organisationType: OrganisationType, organisationId: string, ...roles: Role[]) => ({
  organisationId,
  organisationType,
  roles,
});
const on = (level: HouseholdAccessLevel) => ({ vacancyLandlordId: 'vacancy-landlord', level });

describe('CAL file policy', () => {
  it.each([
    [
      'the vacancy’s rental manager',
      actor('landlord', 'vacancy-landlord', 'landlord_rental_manager'),
      'none',
      true,
    ],
    [
      'the vacancy’s social adviser',
      actor('landlord', 'vacancy-landlord', 'landlord_social_advisor'),
      'none',
      true,
    ],
    ['the vacancy’s administrator alone', actor('landlord', 'vacancy-landlord', 'admin'), 'none', false],
    ['the vacancy’s auditor', actor('landlord', 'vacancy-landlord', 'auditor'), 'none', false],
    [
      'another landlord, party to the file',
      actor('landlord', 'tenancy-landlord', 'landlord_social_advisor'),
      'landlord_summary',
      false,
    ],
    ['another landlord', actor('landlord', 'other-landlord', 'landlord_rental_manager'), 'none', false],
    ['the association’s caseworker', actor('association', 'assoc', 'caseworker'), 'caseworker', true],
    ['the association’s team manager', actor('association', 'assoc', 'team_manager'), 'caseworker', true],
    ['the SIAO’s social worker', actor('siao', 'siao', 'caseworker'), 'party', true],
    ['a social worker of no party', actor('association', 'far', 'caseworker'), 'none', false],
    ['a funder party to the file', actor('funder', 'funder', 'funder_officer'), 'none', false],
  ] as const)('%s', (_label, who, level, expected) => {
    expect(mayReadCalFile(who, on(level))).toBe(expected);
  });
});
