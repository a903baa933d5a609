import { describe, expect, it } from 'vitest';
import type { Role } from '../contracts/roles.ts';
import type { HouseholdAccessLevel } from './household-access.ts';
import { aidManageRefusal, canReadAid } from './aid-policy.ts';

const OWN = 'own-org';
const OTHER = 'other-org';
const reader = (level: HouseholdAccessLevel, ...roles: Role[]) => ({ organisationId: OWN, roles, level });

describe('aid policy', () => {
  it.each<[string, ReturnType<typeof reader>, string | null, boolean]>([
    ['the caseworker, an aid paid to the household', reader('caseworker', 'caseworker'), null, true],
    ['a party’s social worker, an aid paid to another', reader('party', 'caseworker'), OTHER, true],
    ['the landlord, an aid paid to it', reader('landlord_summary', 'landlord_rental_manager'), OWN, true],
    [
      'the landlord, an aid paid to another',
      reader('landlord_summary', 'landlord_social_advisor'),
      OTHER,
      false,
    ],
    [
      'the landlord, an aid paid to the household',
      reader('landlord_summary', 'landlord_rental_manager'),
      null,
      false,
    ],
    ['no access to the file, an aid paid to it', reader('none', 'landlord_rental_manager'), OWN, false],
  ])('%s: read %s', (_, who, payee, expected) => {
    expect(canReadAid(who, payee)).toBe(expected);
  });

  it.each<[string, ReturnType<typeof reader>, boolean]>([
    ['the caseworker', reader('caseworker', 'caseworker'), true],
    ['a team manager of the party', reader('caseworker', 'team_manager'), true],
    ['a SIAO social worker (party)', reader('party', 'caseworker'), true],
    ['the landlord’s adviser', reader('landlord_summary', 'landlord_social_advisor'), false],
    ['an administrator alone', reader('caseworker', 'admin'), false],
    ['a social worker with no access', reader('none', 'caseworker'), false],
  ])('%s manages: %s', (_, who, expected) => {
    const refusal = aidManageRefusal(who);
    expect(refusal === null).toBe(expected);
    if (refusal) expect(refusal).toMatch(/travailleurs sociaux/);
  });
});
