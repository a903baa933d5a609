import { describe, expect, it } from 'vitest';
import {
  canCreateHousehold,
  canEditHousehold,
  canManageConsents,
  canReadHouseholdAudit,
  householdAccessLevel,
  type HouseholdAccessLevel,
} from './household-access.ts';
import type { OrganisationType, Role } from '../contracts/roles.ts';

const ORG = 'org-1';
const party = [{ organisationId: ORG, basis: 'consent' as const }];
const otherParty = [{ organisationId: 'org-2', basis: 'consent' as const }];

describe('householdAccessLevel', () => {
  it.each<[OrganisationType, Role[], HouseholdAccessLevel]>([
    ['association', ['caseworker'], 'caseworker'],
    ['association', ['team_manager'], 'caseworker'],
    ['association', ['auditor'], 'none'],
    ['association', ['admin'], 'none'],
    ['other', ['caseworker'], 'caseworker'],
    ['siao', ['caseworker'], 'party'],
    ['siao', ['admin'], 'none'],
    ['ccapex', ['caseworker'], 'party'],
    ['ccapex', ['team_manager'], 'party'],
    ['ccapex', ['committee_coordinator'], 'none'],
    ['ccapex', ['admin'], 'none'],
    ['landlord', ['landlord_social_advisor'], 'landlord_summary'],
    ['landlord', ['landlord_rental_manager'], 'landlord_summary'],
    ['landlord', ['admin'], 'none'],
    ['landlord', ['caseworker'], 'none'],
    ['funder', ['funder_officer'], 'none'],
    ['funder', ['caseworker'], 'none'],
  ])('%s with %j, as a party → %s; not a party → none', (organisationType, roles, expected) => {
    const actor = { organisationId: ORG, organisationType, roles };
    expect(householdAccessLevel(actor, party)).toBe(expected);
    expect(householdAccessLevel(actor, otherParty)).toBe('none');
    expect(householdAccessLevel(actor, [])).toBe('none');
  });
});

describe('what each level may do', () => {
  it.each<[HouseholdAccessLevel, boolean, boolean, boolean]>([
    // level, edit the file, manage consents, read the audit tab
    ['caseworker', true, true, true],
    ['party', true, true, false],
    ['landlord_summary', false, false, false],
    ['none', false, false, false],
  ])('%s: edit %s, consents %s, audit %s', (level, edit, consents, auditTab) => {
    expect(canEditHousehold(level)).toBe(edit);
    expect(canManageConsents(level)).toBe(consents);
    expect(canReadHouseholdAudit(level)).toBe(auditTab);
  });
});

describe('canCreateHousehold', () => {
  it.each<[OrganisationType, Role[], boolean]>([
    ['association', ['caseworker'], true],
    ['association', ['auditor'], false],
    ['siao', ['team_manager'], true],
    ['ccapex', ['caseworker'], true],
    ['ccapex', ['auditor'], false],
    ['landlord', ['landlord_social_advisor'], true],
    ['landlord', ['admin'], false],
    ['funder', ['funder_officer'], false],
    ['funder', ['caseworker'], false],
  ])('%s with %j → %s', (organisationType, roles, expected) => {
    expect(canCreateHousehold({ organisationId: ORG, organisationType, roles })).toBe(expected);
  });
});
