import { describe, expect, it } from 'vitest';
import { formatCents } from '../format.ts';
import { costsText, durationText, frenchList, schemeRulesText } from './rules-text.ts';
import type { SchemeRules } from './scheme-rules.ts';

const NAMES: Record<string, string> = {
  'fsl-acces': 'FSL accès',
  'fsl-maintien': 'FSL maintien',
  'fsl-mesures-specifiques': 'FSL mesures spécifiques',
};
const nameOf = (code: string) => NAMES[code] ?? code;
const rules = (r: Partial<SchemeRules>): SchemeRules => ({
  initialMonths: 3,
  renewalMonths: 3,
  maxRenewals: 2,
  maxTotalMonths: null,
  criteria: null,
  validationAfter: null,
  ...r,
});

describe('scheme rules in words', () => {
  it('says the first period and how often it renews', () => {
    expect(durationText(rules({}))).toBe('3 mois, renouvelable 2 fois au plus');
    expect(durationText(rules({ initialMonths: 6, renewalMonths: 6, maxRenewals: 1 }))).toBe(
      '6 mois, renouvelable une fois au plus',
    );
    expect(durationText(rules({ maxRenewals: 0 }))).toBe('3 mois, non renouvelable');
    expect(durationText(rules({ initialMonths: 12, renewalMonths: 6, maxRenewals: null }))).toBe(
      '12 mois, renouvelable de 6 mois sans limite de nombre',
    );
  });

  it('adds the total, the criteria and the sequencing rule', () => {
    expect(
      schemeRulesText(
        rules({
          initialMonths: 12,
          renewalMonths: 12,
          maxRenewals: 1,
          maxTotalMonths: 24,
          criteria: { min: 4, among: ['Précarité financière', 'Problèmes de santé'] },
        }),
        nameOf,
      ),
    ).toEqual([
      '12 mois, renouvelable une fois au plus',
      '24 mois au total au plus',
      'Au moins 4 critères parmi : Précarité financière ; Problèmes de santé',
    ]);
    expect(
      schemeRulesText(
        rules({
          validationAfter: {
            schemes: ['fsl-acces', 'fsl-maintien', 'fsl-mesures-specifiques'],
            withinMonths: 6,
          },
        }),
        nameOf,
      )[1],
    ).toBe(
      'Validation de l’État si une mesure FSL accès, FSL maintien ou FSL mesures spécifiques est en cours ou terminée depuis moins de 6 mois',
    );
  });

  it('joins lists and costs the French way', () => {
    expect(frenchList([], 'ou')).toBe('');
    expect(frenchList(['a'], 'ou')).toBe('a');
    expect(frenchList(['a', 'b'], 'et')).toBe('a et b');
    expect(costsText({ perMonthCents: 16_000, perMeasureCents: null, perDwellingYearCents: 120_050 })).toBe(
      // formatCents spaces as Intl does (no-break spaces).
      `${formatCents(16_000)} par mois ; ${formatCents(120_050)} par logement et par an`,
    );
    expect(costsText({ perMonthCents: null, perMeasureCents: null, perDwellingYearCents: null })).toBe(
      'Aucun coût renseigné',
    );
  });
});
