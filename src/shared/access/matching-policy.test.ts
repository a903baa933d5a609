import { describe, expect, it } from 'vitest';
import type { OrganisationType, Role } from '../contracts/roles.ts';
import { candidatesRefusal, policyAdoptionRefusal } from './matching-policy.ts';

const actor = (organisationType: OrganisationType, roles: Role[]) => ({
  organisationId: 'o',
  organisationType,
  roles,
});

describe('who ranks and who sets the policy', () => {
  it.each<[OrganisationType, Role[], boolean, boolean]>([
    ['siao', ['caseworker'], true, false],
    ['siao', ['committee_coordinator'], true, true],
    ['siao', ['team_manager'], true, true],
    ['siao', ['admin'], true, true], // an administrator coordinates committees
    ['association', ['caseworker'], true, false],
    ['association', ['committee_coordinator'], true, false],
    ['association', ['auditor'], false, false],
    ['landlord', ['landlord_rental_manager'], false, false],
    ['funder', ['funder_officer'], false, false],
    ['ccapex', ['caseworker'], false, false],
  ])('%s %j: reads candidates %s, adopts the policy %s', (type, roles, reads, adopts) => {
    expect(candidatesRefusal(actor(type, roles)) === null).toBe(reads);
    expect(policyAdoptionRefusal(actor(type, roles)) === null).toBe(adopts);
  });
});
