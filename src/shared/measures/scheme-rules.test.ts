import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonths,
  criteriaBreak,
  initialMonthsBreak,
  needsStateValidation,
  plannedEnd,
  renewalBreak,
  sequencingBreak,
  type SchemeRules,
} from './scheme-rules.ts';

const FSL = ['fsl_access', 'fsl_maintenance', 'fsl_specific'];
const CRITERIA = [
  'financial_precarity',
  'no_lasting_job',
  'health',
  'difficult_life',
  'chaotic_housing',
  'behaviour',
];
const rules = (r: Partial<SchemeRules>): SchemeRules => ({
  initialMonths: 6,
  renewalMonths: 6,
  maxRenewals: null,
  maxTotalMonths: null,
  criteria: null,
  validationAfter: null,
  ...r,
});
/** The seeds' rules (domain.md, schemes table). */
const AVDL = rules({
  initialMonths: 3,
  renewalMonths: 3,
  maxRenewals: 2,
  validationAfter: { schemes: FSL, withinMonths: 6 },
});
const FSL_ACCESS = rules({ maxRenewals: 1, maxTotalMonths: 12 });
const FSL_SPECIFIC = rules({
  initialMonths: 12,
  renewalMonths: 12,
  maxRenewals: 1,
  criteria: { min: 4, among: CRITERIA },
});
const ASLL_MAINTENANCE = rules({ initialMonths: 12, renewalMonths: 12 });

describe('months as French law counts them', () => {
  it('keeps the day of the month, or takes the month’s last day when it has none', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(() => addMonths('15/01/2026', 1)).toThrow();
    expect(() => addMonths('2026-01-15', 1.5)).toThrow();
  });

  it('goes back to the same day for a day every month has (property)', () => {
    const day = fc
      .record({
        year: fc.integer({ min: 1990, max: 2100 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
      })
      .map(
        ({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(day, fc.integer({ min: -240, max: 240 }), (d, n) => addMonths(addMonths(d, n), -n) === d),
    );
  });

  it('ends a measure on its planned day across month ends and leap years', () => {
    expect(plannedEnd('2026-11-30', AVDL.initialMonths)).toBe('2027-02-28');
    expect(plannedEnd('2027-11-30', AVDL.initialMonths)).toBe('2028-02-29');
    expect(plannedEnd('2026-03-01', FSL_ACCESS.initialMonths)).toBe('2026-09-01');
  });
});

describe('first period', () => {
  it('may be calibrated shorter than the scheme, never longer', () => {
    expect(initialMonthsBreak(AVDL, 3)).toBeNull();
    expect(initialMonthsBreak(AVDL, 2)).toBeNull();
    expect(initialMonthsBreak(AVDL, 4)).toEqual({
      rule: 'initial_months',
      message: 'Ce dispositif se prescrit pour 3 mois au plus : 4 mois sont demandés.',
    });
  });
});

describe('renewals', () => {
  it('allows an AVDL twice, then names the rule', () => {
    expect(renewalBreak(AVDL, { renewals: 0, months: 3 })).toBeNull();
    expect(renewalBreak(AVDL, { renewals: 1, months: 6 })).toBeNull();
    expect(renewalBreak(AVDL, { renewals: 2, months: 9 })).toEqual({
      rule: 'max_renewals',
      message: 'Ce dispositif se renouvelle au plus 2 fois : la mesure l’a déjà été 2 fois.',
    });
    expect(renewalBreak(FSL_ACCESS, { renewals: 1, months: 12 })?.message).toBe(
      'Ce dispositif se renouvelle au plus une fois : la mesure l’a déjà été une fois.',
    );
    expect(renewalBreak(rules({ maxRenewals: 0 }), { renewals: 0, months: 6 })?.message).toBe(
      'Ce dispositif ne se renouvelle pas.',
    );
  });

  it('keeps the total duration within its limit, whatever the length asked', () => {
    expect(renewalBreak(FSL_ACCESS, { renewals: 0, months: 6 })).toBeNull();
    expect(renewalBreak(FSL_ACCESS, { renewals: 0, months: 6 }, 9)).toEqual({
      rule: 'max_total_months',
      message:
        'La durée totale de ce dispositif est limitée à 12 mois : ce renouvellement la porterait à 15 mois.',
    });
  });

  it('leaves a scheme without limits to the committee', () => {
    expect(renewalBreak(ASLL_MAINTENANCE, { renewals: 9, months: 120 })).toBeNull();
  });
});

describe('criteria', () => {
  it('asks at least four of the listed criteria for the FSL « mesures spécifiques »', () => {
    expect(criteriaBreak(FSL_SPECIFIC, CRITERIA.slice(0, 4))).toBeNull();
    expect(criteriaBreak(FSL_SPECIFIC, CRITERIA.slice(0, 3))).toEqual({
      rule: 'min_criteria',
      message: 'Ce dispositif demande au moins 4 des critères listés : 3 sont retenus.',
    });
    // A criterion counted twice, or one the scheme does not list, does not count.
    expect(criteriaBreak(FSL_SPECIFIC, ['health', 'health', 'behaviour', 'other', 'unknown'])?.message).toBe(
      'Ce dispositif demande au moins 4 des critères listés : 2 sont retenus.',
    );
    expect(criteriaBreak(FSL_SPECIFIC, ['health'])?.message).toContain('un seul est retenu');
    expect(criteriaBreak(FSL_SPECIFIC, [])?.message).toContain('aucun n’est retenu');
    expect(criteriaBreak(AVDL, [])).toBeNull();
  });
});

describe('sequencing', () => {
  const start = '2026-07-01';
  it('needs the State’s validation for an AVDL right after an FSL measure', () => {
    expect(needsStateValidation(AVDL, [{ scheme: 'fsl_maintenance', endedOn: null }], start)).toBe(true);
    expect(needsStateValidation(AVDL, [{ scheme: 'fsl_access', endedOn: '2026-03-15' }], start)).toBe(true);
    expect(needsStateValidation(AVDL, [{ scheme: 'fsl_access', endedOn: '2026-01-01' }], start)).toBe(false);
    expect(needsStateValidation(AVDL, [{ scheme: 'asll_maintenance', endedOn: null }], start)).toBe(false);
    expect(needsStateValidation(FSL_ACCESS, [{ scheme: 'fsl_access', endedOn: null }], start)).toBe(false);
  });

  it('refuses such a measure without that validation, and names the rule', () => {
    const previous = [{ scheme: 'fsl_specific', endedOn: '2026-06-30' }];
    expect(sequencingBreak(AVDL, previous, start, true)).toBeNull();
    expect(sequencingBreak(AVDL, previous, start, false)?.rule).toBe('state_validation');
    expect(sequencingBreak(AVDL, [], start, false)).toBeNull();
  });
});
