import { describe, expect, it } from 'vitest';
import type { OrganisationType, Role } from '../contracts/roles.ts';
import { fairnessScope } from './fairness-policy.ts';

describe('who reads the fairness view, over which proposals', () => {
  it.each<[OrganisationType, Role, 'departement' | 'landlord' | null]>([
    ['siao', 'caseworker', 'departement'],
    ['siao', 'team_manager', 'departement'],
    ['association', 'caseworker', 'departement'],
    ['association', 'admin', null],
    ['association', 'auditor', null],
    ['funder', 'funder_officer', 'departement'],
    ['funder', 'admin', 'departement'],
    ['funder', 'auditor', null],
    ['landlord', 'landlord_rental_manager', 'landlord'],
    ['landlord', 'landlord_social_advisor', 'landlord'],
    ['landlord', 'admin', null],
    ['ccapex', 'caseworker', null],
    ['other', 'caseworker', null],
    ['landlord', 'funder_officer', null],
  ])('%s %s → %s', (organisationType, role, expected) => {
    expect(fairnessScope({ organisationId: 'o', organisationType, roles: [role] })).toBe(expected);
  });
});
