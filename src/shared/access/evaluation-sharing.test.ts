import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { CAPACITY_CRITERION_KEYS, type TCapacityScores } from '../contracts/diagnostics.ts';
import {
  EVALUATION_AUDIENCES,
  EVALUATION_NEXT_STEPS,
  OBJECTIVE_OUTCOMES,
  ZEvaluationContent,
  type TEvaluationContent,
} from '../contracts/evaluations.ts';
import {
  EVALUATION_FIELD_CLASSES,
  HOUSING_BRIQUES,
  derivePartnerEvaluation,
  deriveFunderVersion,
  deriveLandlordVersion,
  evaluationFieldClass,
} from './evaluation-sharing.ts';

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Leaf paths of the content schema ("a.b", "a[].b"); a list of plain values is one leaf. */
function schemaLeaves(schema: z.ZodType, path = ''): string[] {
  const def = defOf(schema);
  if (['optional', 'nullable', 'default'].includes(def.type)) return schemaLeaves(def.innerType!, path);
  if (def.type === 'object')
    return Object.entries(def.shape!).flatMap(([k, s]) => schemaLeaves(s, path ? `${path}.${k}` : k));
  if (def.type === 'array') {
    const inner = defOf(def.element!);
    return inner.type === 'object' ? schemaLeaves(def.element!, `${path}[]`) : [path];
  }
  return [path];
}

// Free text carries its class, so a leak shows in the derived version.
const SECRET = 'CWSECRET';
const PRIVATE_TITLE = 'PRIVATETITLE';
const text = (marker: string) => fc.nat().map((n) => `${marker}${n}`);
const score = fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4);
const grid: fc.Arbitrary<TCapacityScores> = fc.record(
  Object.fromEntries(
    CAPACITY_CRITERION_KEYS.map((k) => [k, fc.record({ score, comment: text(SECRET) })]),
  ) as Record<keyof TCapacityScores, fc.Arbitrary<{ score: 1 | 2 | 3 | 4; comment: string }>>,
) as fc.Arbitrary<TCapacityScores>;
const housing = fc.constantFrom(...HOUSING_BRIQUES);
const other = fc.constantFrom('1.1', '2.6', '2.7', '3.5');
const objective = fc.oneof(
  fc.record({
    title: text('HOUSINGTITLE'),
    briques: fc.tuple(housing, fc.array(other, { maxLength: 2 })).map(([h, o]) => [...o, h]),
    outcome: fc.option(fc.constantFrom(...OBJECTIVE_OUTCOMES), { nil: null }),
    comment: text(SECRET),
  }),
  fc.record({
    title: text(PRIVATE_TITLE),
    briques: fc.array(other, { maxLength: 3 }),
    outcome: fc.option(fc.constantFrom(...OBJECTIVE_OUTCOMES), { nil: null }),
    comment: text(SECRET),
  }),
);
const content: fc.Arbitrary<TEvaluationContent> = fc.record({
  objectives: fc.array(objective, { maxLength: 6 }),
  grid: fc.option(grid, { nil: null }),
  nextStep: fc.option(
    fc.record({
      step: fc.constantFrom(...EVALUATION_NEXT_STEPS),
      watchMonths: fc.option(fc.integer({ min: 1, max: 36 }), { nil: null }),
      relayOrganisationId: fc.option(fc.uuid(), { nil: null }),
    }),
    { nil: null },
  ),
  partnerNote: text('SHAREDNOTE'),
  notes: text(SECRET),
});
const frame = { kind: 'interim' as const, periodStart: '2026-01-05', periodEnd: '2026-07-04' };

describe('evaluation sharing classification', () => {
  it('classifies every field of the content schema, and nothing else', () => {
    expect(schemaLeaves(ZEvaluationContent).sort()).toEqual(Object.keys(EVALUATION_FIELD_CLASSES).sort());
  });

  it('keeps an unclassified path caseworker-only', () => {
    expect(evaluationFieldClass('newField')).toBe('caseworker_only');
    expect(evaluationFieldClass('objectives[].comment')).toBe('caseworker_only');
  });

  it('never lets a caseworker-only value reach a partner version (property)', () => {
    fc.assert(
      fc.property(
        content,
        fc.option(grid, { nil: null }),
        fc.constantFrom(...EVALUATION_AUDIENCES),
        (c, baseline, audience) => {
          expect(ZEvaluationContent.safeParse(c).success).toBe(true);
          // Keys an older or newer shape may hold must not leak either.
          const withUnknown = { ...c, extra: `${SECRET}-unknown` } as TEvaluationContent;
          const derived = derivePartnerEvaluation(audience, frame, withUnknown, baseline, 'Relais 13');
          const json = JSON.stringify(derived);
          expect(json).not.toContain(SECRET);
          // No identifier either: the relaying organisation is named.
          expect(json).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
          // Objectives outside housing stay private; the funder reads no title at all.
          expect(json).not.toContain(PRIVATE_TITLE);
          if (audience === 'funder') expect(json).not.toContain('HOUSINGTITLE');
          // Individual grid scores are not copied: the funder gets axis averages only.
          expect(json).not.toContain('"upkeep"');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('derives the landlord version: housing objectives, outcome, next step, the note for partners', () => {
    const c: TEvaluationContent = {
      objectives: [
        {
          title: 'Payer le loyer chaque mois',
          briques: ['3.3'],
          outcome: 'partly',
          comment: 'Rechute en mars',
        },
        { title: 'Reprendre les soins', briques: ['2.6'], outcome: 'reached', comment: 'CMP' },
      ],
      grid: null,
      nextStep: { step: 'watch', watchMonths: 6, relayOrganisationId: null },
      partnerNote: 'Loyer réglé depuis avril.',
      notes: 'Conflit familial',
    };
    expect(deriveLandlordVersion(frame, c)).toEqual({
      audience: 'landlord',
      ...frame,
      objectives: [{ title: 'Payer le loyer chaque mois', outcome: 'partly' }],
      nextStep: { step: 'watch', watchMonths: 6, relayOrganisationName: null },
      partnerNote: 'Loyer réglé depuis avril.',
    });
    const f = deriveFunderVersion(frame, c, null);
    expect(f.outcomes).toEqual({ objectives: 2, reached: 1, partly: 1, not_reached: 0 });
    expect(f.axes).toEqual([]);
  });
});
