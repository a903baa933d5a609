import { describe, expect, it } from 'vitest';
import { ACCESS_LEVEL_LABELS, type HouseholdAccessLevel } from './household-access.ts';
import { canReadMonthlyPoints, canWriteMonthlyPoint } from './monthly-point-policy.ts';

const HOUSEHOLD_ACCESS_LEVELS = Object.keys(ACCESS_LEVEL_LABELS) as HouseholdAccessLevel[];

describe('monthly point policy', () => {
  it('is read by the household’s social workers only', () => {
    expect(HOUSEHOLD_ACCESS_LEVELS.filter(canReadMonthlyPoints)).toEqual(['caseworker']);
  });

  it('is written by the organisation that runs the measure only', () => {
    const measure = { operatorOrganisationId: 'asso' };
    for (const level of HOUSEHOLD_ACCESS_LEVELS)
      expect(canWriteMonthlyPoint({ level, organisationId: 'asso' }, measure)).toBe(level === 'caseworker');
    expect(canWriteMonthlyPoint({ level: 'caseworker', organisationId: 'other' }, measure)).toBe(false);
  });
});
