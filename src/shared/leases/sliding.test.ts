import { describe, expect, it } from 'vitest';
import {
  SLIDING_CRITERIA,
  SLIDING_CRITERION_LABELS,
  SLIDING_DECISION_LABELS,
  SLIDING_DECISIONS,
  SLIDING_RATINGS,
  SLIDING_RATING_LABELS,
  decisionRefusal,
  missingEvaluations,
  partiesSpokenFor,
} from './sliding.ts';

describe('sliding evaluations and decision', () => {
  it('labels every criterion, rating and decision in French', () => {
    for (const c of SLIDING_CRITERIA) expect(SLIDING_CRITERION_LABELS[c]).toMatch(/^[A-Z]/);
    for (const r of SLIDING_RATINGS) expect(SLIDING_RATING_LABELS[r]).toMatch(/^[A-Z]/);
    for (const d of SLIDING_DECISIONS) expect(SLIDING_DECISION_LABELS[d]).toMatch(/^[A-Z]/);
  });

  it('waits for the three parties before a joint decision', () => {
    expect(missingEvaluations(['landlord'])).toEqual(['association', 'household']);
    expect(decisionRefusal(['association'])).toBe(
      'La décision attend l’évaluation de : le bailleur, le ménage.',
    );
    expect(decisionRefusal(['household', 'landlord', 'association'])).toBeNull();
  });

  it('lets the association speak for itself and the household, the lessor for the landlord', () => {
    const contract = { lessorOrganisationId: 'L', intermediaryOrganisationId: 'A' };
    expect(partiesSpokenFor('A', contract)).toEqual(['association', 'household']);
    expect(partiesSpokenFor('L', contract)).toEqual(['landlord']);
    expect(partiesSpokenFor('X', contract)).toEqual([]);
  });
});
