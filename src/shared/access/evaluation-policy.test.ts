import { describe, expect, it } from 'vitest';
import type { OrganisationType, Role } from '../contracts/roles.ts';
import type { HouseholdAccessLevel } from './household-access.ts';
import {
  audienceOf,
  canReadFullEvaluation,
  canReadSharedVersion,
  canWriteEvaluation,
  isEditable,
  isValidated,
  mayReceive,
} from './evaluation-policy.ts';

const actor = (organisationType: OrganisationType, roles: Role[], organisationId = 'op') => ({
  organisationId,
  organisationType,
  roles,
});

describe('evaluation policy', () => {
  it.each<[HouseholdAccessLevel, boolean]>([
    ['caseworker', true],
    ['party', false],
    ['landlord_summary', false],
    ['none', false],
  ])('reads the full evaluation at level %s: %s', (level, expected) => {
    expect(canReadFullEvaluation(level)).toBe(expected);
  });

  it.each<[string, ReturnType<typeof actor>, HouseholdAccessLevel, boolean]>([
    ['the operator’s caseworker', actor('association', ['caseworker']), 'caseworker', true],
    ['the operator’s team manager', actor('association', ['team_manager']), 'caseworker', true],
    ['another association’s caseworker', actor('association', ['caseworker'], 'other'), 'caseworker', false],
    ['the operator’s administrator', actor('association', ['admin']), 'caseworker', false],
    ['a SIAO social worker', actor('siao', ['caseworker'], 'op'), 'party', false],
    ['the landlord', actor('landlord', ['landlord_social_advisor'], 'op'), 'landlord_summary', false],
  ])('writes: %s → %s', (_, a, level, expected) => {
    expect(canWriteEvaluation(a, level, { operatorOrganisationId: 'op' })).toBe(expected);
  });

  it.each([
    ['draft', true, false],
    ['validated', false, true],
    ['shared', false, true],
  ] as const)('status %s: editable %s, validated %s', (status, editable, validated) => {
    expect(isEditable(status)).toBe(editable);
    expect(isValidated(status)).toBe(validated);
  });

  it.each<[ReturnType<typeof actor>, string | null]>([
    [actor('landlord', ['landlord_rental_manager']), 'landlord'],
    [actor('landlord', ['admin']), null],
    [actor('funder', ['funder_officer']), 'funder'],
    [actor('funder', ['admin']), 'funder'],
    [actor('association', ['caseworker']), null],
    [actor('siao', ['caseworker']), null],
  ])('the version %o receives: %s', (a, expected) => {
    expect(audienceOf(a)).toBe(expected);
  });

  it('sends a version only to an organisation of its type', () => {
    expect(mayReceive('landlord', 'landlord')).toBe(true);
    expect(mayReceive('landlord', 'funder')).toBe(false);
    expect(mayReceive('funder', 'funder')).toBe(true);
    expect(mayReceive('funder', 'landlord')).toBe(false);
    expect(mayReceive('funder', 'association')).toBe(false);
  });

  it('lets an organisation read only what was shared with it, for its audience', () => {
    const landlord = actor('landlord', ['landlord_social_advisor'], 'hlm');
    expect(canReadSharedVersion(landlord, { organisationId: 'hlm', audience: 'landlord' })).toBe(true);
    expect(canReadSharedVersion(landlord, { organisationId: 'hlm', audience: 'funder' })).toBe(false);
    expect(canReadSharedVersion(landlord, { organisationId: 'other', audience: 'landlord' })).toBe(false);
  });
});
