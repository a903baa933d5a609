import { describe, expect, it } from 'vitest';
import type { Role } from '../contracts/roles.ts';
import {
  canDecideMeasure,
  canManageCaseloads,
  canManageSchemes,
  canProposeMeasure,
  canReportWatchIncident,
  canRunMeasure,
  measureFieldsFor,
} from './measure-policy.ts';

const ORG = 'org-a';
const as = (...roles: Role[]) => ({ organisationId: ORG, organisationType: 'funder' as const, roles });

describe('measure policy', () => {
  it('lets social workers of a party that sees the shared file propose', () => {
    expect(canProposeMeasure(as('caseworker'), 'caseworker')).toBe(true);
    expect(canProposeMeasure(as('team_manager'), 'party')).toBe(true);
    expect(canProposeMeasure(as('landlord_social_advisor'), 'landlord_summary')).toBe(false);
    expect(canProposeMeasure(as('caseworker'), 'none')).toBe(false);
    expect(canProposeMeasure(as('admin'), 'caseworker')).toBe(false);
  });

  it('leaves running a measure to its operator’s social workers', () => {
    expect(canRunMeasure(as('caseworker'), { operatorOrganisationId: ORG })).toBe(true);
    expect(canRunMeasure(as('caseworker'), { operatorOrganisationId: 'other' })).toBe(false);
    expect(canRunMeasure(as('auditor'), { operatorOrganisationId: ORG })).toBe(false);
  });

  it('lets the landlord’s staff and the parties’ social workers report an incident during the watch', () => {
    const table: [Role, Parameters<typeof canReportWatchIncident>[1], boolean][] = [
      ['landlord_social_advisor', 'landlord_summary', true],
      ['landlord_rental_manager', 'landlord_summary', true],
      ['caseworker', 'caseworker', true],
      ['team_manager', 'party', true],
      ['landlord_social_advisor', 'none', false],
      ['admin', 'caseworker', false],
      ['auditor', 'landlord_summary', false],
      ['funder_officer', 'landlord_summary', false],
    ];
    for (const [role, level, allowed] of table)
      expect(canReportWatchIncident(as(role), level), `${role} / ${level}`).toBe(allowed);
  });

  it('leaves the decision to the scheme’s funder', () => {
    expect(canDecideMeasure(as('funder_officer'), { funderOrganisationId: ORG })).toBe(true);
    expect(canDecideMeasure(as('admin'), { funderOrganisationId: ORG })).toBe(true);
    expect(canDecideMeasure(as('funder_officer'), { funderOrganisationId: 'other' })).toBe(false);
    expect(canDecideMeasure(as('caseworker'), { funderOrganisationId: ORG })).toBe(false);
  });

  it('leaves schemes to the funder’s administrators and caseloads to managers', () => {
    expect(canManageSchemes(as('admin'))).toBe(true);
    expect(canManageSchemes(as('admin'), { funderOrganisationId: 'other' })).toBe(false);
    expect(canManageSchemes(as('funder_officer'), { funderOrganisationId: ORG })).toBe(false);
    expect(canManageSchemes({ ...as('admin'), organisationType: 'landlord' })).toBe(true);
    expect(canManageSchemes({ ...as('admin'), organisationType: 'association' })).toBe(false);
    expect(canManageCaseloads(as('team_manager'))).toBe(true);
    expect(canManageCaseloads(as('caseworker'))).toBe(false);
  });

  it('keeps criteria for the référent and the timeline for parties', () => {
    expect(measureFieldsFor('caseworker')).toEqual({ criteria: true, timeline: true, refusalReason: true });
    expect(measureFieldsFor('party')).toEqual({ criteria: false, timeline: true, refusalReason: true });
    expect(measureFieldsFor('landlord_summary')).toEqual({
      criteria: false,
      timeline: false,
      refusalReason: false,
    });
  });
});
