import { describe, expect, it } from 'vitest';
import type { OrganisationType, Role } from '../contracts/roles.ts';
import type { HouseholdAccessLevel } from './household-access.ts';
import {
  designationRefusal,
  mayAnswerProposal,
  mayDecideProposal,
  proposalReader,
} from './designation-policy.ts';

const actor = (organisationType: OrganisationType, roles: Role[], organisationId = 'org') => ({
  organisationId,
  organisationType,
  roles,
});

describe('who designates', () => {
  it.each([
    ['siao', ['caseworker'], true],
    ['association', ['team_manager'], true],
    ['association', ['committee_coordinator'], false],
    ['ccapex', ['caseworker'], false],
    ['landlord', ['landlord_rental_manager'], false],
    ['funder', ['funder_officer'], false],
  ] as const)('%s %o → %s', (type, roles, may) => {
    expect(designationRefusal(actor(type, [...roles])) === null).toBe(may);
  });
});

describe('who reads, answers and decides a proposal', () => {
  const vacancy = { landlordOrganisationId: 'landlord' };
  it.each([
    [actor('landlord', ['landlord_social_advisor'], 'landlord'), 'none', 'landlord', false, true],
    [actor('landlord', ['landlord_rental_manager'], 'landlord'), 'landlord_summary', 'landlord', false, true],
    [actor('landlord', ['admin'], 'landlord'), 'none', null, false, false],
    [actor('landlord', ['landlord_rental_manager'], 'other'), 'landlord_summary', null, false, false],
    [actor('siao', ['caseworker']), 'party', 'referent', true, false],
    [actor('association', ['caseworker']), 'caseworker', 'referent', true, false],
    [actor('association', ['caseworker']), 'none', null, false, false],
  ] as const)('%o at level %s → %s', (a, level, reader, answers, decides) => {
    const r = proposalReader(a, vacancy, level as HouseholdAccessLevel);
    expect(r).toBe(reader);
    expect(mayAnswerProposal(r)).toBe(answers);
    expect(mayDecideProposal(r)).toBe(decides);
  });
});
