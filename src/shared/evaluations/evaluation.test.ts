import { describe, expect, it } from 'vitest';
import { CAPACITY_CRITERION_KEYS, type TCapacityScores } from '../contracts/diagnostics.ts';
import {
  EVALUATION_KIND_LABELS,
  EVALUATION_NEXT_STEP_LABELS,
  EVALUATION_NEXT_STEPS,
  OBJECTIVE_OUTCOME_LABELS,
  type TEvaluationContent,
} from '../contracts/evaluations.ts';
import { MEASURE_ORIENTATIONS } from '../contracts/measures.ts';
import {
  COMMENT_REQUIRED,
  GRID_REQUIRED,
  NEXT_STEP_REQUIRED,
  OUTCOME_REQUIRED,
  RELAY_REQUIRED,
  WATCH_MONTHS_REQUIRED,
  axisChanges,
  changeInWords,
  evaluationGaps,
  measureFollowUp,
  renewalSummary,
} from './evaluation.ts';

const scores = (n: 1 | 2 | 3 | 4): TCapacityScores =>
  Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score: n }])) as TCapacityScores;
const base: TEvaluationContent = {
  objectives: [{ title: 'Payer le loyer', briques: ['3.3'], outcome: 'reached', comment: '' }],
  grid: scores(3),
  nextStep: null,
  partnerNote: '',
  notes: '',
};

describe('evaluation labels', () => {
  it('names kinds, outcomes and next steps in French', () => {
    expect(EVALUATION_KIND_LABELS).toEqual({ interim: 'Bilan d’étape', final: 'Évaluation finale' });
    expect(Object.values(OBJECTIVE_OUTCOME_LABELS)).toEqual([
      'Atteint',
      'Partiellement atteint',
      'Non atteint',
    ]);
    expect(EVALUATION_NEXT_STEP_LABELS.transfer).toBe('Mutation');
  });
});

describe('measureFollowUp', () => {
  it.each([
    ['end', { action: 'end', orientation: 'none' }],
    ['renewal', { action: 'renew' }],
    ['relay', { action: 'end', orientation: 'relay' }],
    ['watch', { action: 'end', orientation: 'watch' }],
    ['lease_transfer', { action: 'end', orientation: 'lease_transfer' }],
    ['transfer', { action: 'end', orientation: 'transfer' }],
  ] as const)('%s → %o', (step, expected) => {
    expect(measureFollowUp(step)).toEqual(expected);
  });
  it('maps every step onto an orientation the measure knows', () => {
    for (const step of EVALUATION_NEXT_STEPS) {
      const f = measureFollowUp(step);
      if (f.action === 'end') expect(MEASURE_ORIENTATIONS).toContain(f.orientation);
    }
  });
});

describe('evaluationGaps', () => {
  it('accepts a complete interim evaluation without a next step', () => {
    expect(evaluationGaps('interim', base)).toEqual({});
  });
  it('wants every objective rated, and a comment when partly or not reached', () => {
    const c: TEvaluationContent = {
      ...base,
      objectives: [
        { title: 'A', briques: [], outcome: null, comment: '' },
        { title: 'B', briques: [], outcome: 'partly', comment: '  ' },
        { title: 'C', briques: [], outcome: 'not_reached', comment: 'Dette reprise' },
        { title: 'D', briques: [], outcome: 'not_reached', comment: '' },
      ],
    };
    expect(evaluationGaps('interim', c)).toEqual({
      'objectives.0.outcome': OUTCOME_REQUIRED,
      'objectives.1.comment': COMMENT_REQUIRED,
      'objectives.3.comment': COMMENT_REQUIRED,
    });
  });
  it('wants the grid scored and, for a final one, the next step with its details', () => {
    expect(evaluationGaps('final', { ...base, grid: null })).toEqual({
      grid: GRID_REQUIRED,
      nextStep: NEXT_STEP_REQUIRED,
    });
    expect(
      evaluationGaps('final', {
        ...base,
        nextStep: { step: 'watch', watchMonths: null, relayOrganisationId: null },
      }),
    ).toEqual({ 'nextStep.watchMonths': WATCH_MONTHS_REQUIRED });
    expect(
      evaluationGaps('final', {
        ...base,
        nextStep: { step: 'relay', watchMonths: null, relayOrganisationId: null },
      }),
    ).toEqual({ 'nextStep.relayOrganisationId': RELAY_REQUIRED });
    expect(
      evaluationGaps('final', {
        ...base,
        nextStep: { step: 'renewal', watchMonths: null, relayOrganisationId: null },
      }),
    ).toEqual({});
  });
});

describe('axisChanges', () => {
  it('gives each axis now, before and the change', () => {
    const before = scores(2);
    const now = { ...scores(3), upkeep: { score: 4 as const } };
    const changes = axisChanges(now, before);
    expect(changes.map((c) => c.axis)).toEqual(['occupy', 'finance', 'environment']);
    expect(changes[0]).toMatchObject({ before: 2, now: 3.25, change: 1.25 });
    expect(changes[1]).toMatchObject({ before: 2, now: 3, change: 1 });
  });
  it('has no change without the diagnostic’s grid, and nothing without a grid', () => {
    expect(axisChanges(scores(2), null)[0]).toMatchObject({ before: null, now: 2, change: null });
    expect(axisChanges(null, scores(2))).toEqual([]);
  });
  it('says the change in French', () => {
    expect(changeInWords(1.25)).toBe('+1,25');
    expect(changeInWords(-0.5)).toBe('−0,5');
    expect(changeInWords(0)).toBe('stable');
    expect(changeInWords(null)).toBe('—');
  });
});

describe('renewalSummary', () => {
  it('sums the outcomes up in French, Paris date as written', () => {
    expect(renewalSummary('final', base, '2026-06-30')).toBe(
      'Évaluation finale validée le 30/06/2026 : 1 objectif(s) atteint(s), 0 partiellement, 0 non atteint(s) sur 1.',
    );
  });
});
