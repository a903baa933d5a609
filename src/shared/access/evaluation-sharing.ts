import type {
  EvaluationAudience,
  EvaluationKind,
  TEvaluationContent,
  TFunderEvaluation,
  TLandlordEvaluation,
  TPartnerEvaluation,
} from '../contracts/evaluations.ts';
import type { TCapacityScores } from '../contracts/diagnostics.ts';
import { axisChanges, outcomeCounts } from '../evaluations/evaluation.ts';

/**
 * Need-to-know sharing of an evaluation (référentiel, brique 2.7: « partager le bilan de façon
 * différenciée avec les partenaires ») — the diagnostic's pattern: every leaf field of the content has
 * a class, and each partner version is derived from the content by rule, copying only what its class
 * allows.
 *  - partners: both versions carry it as written (the next step, the note written for the partners);
 *  - landlord: the landlord receives it for the objectives that bear on housing, rent or occupancy
 *    (their briques); the funder receives it counted only (outcomes per kind, never a title);
 *  - aggregate: no partner receives the value; the funder receives the grid's axis averages and their
 *    change since the diagnostic's grid;
 *  - caseworker_only: the comments on objectives and grid criteria, the caseworker's notes.
 * A field missing from this table is caseworker-only: a new field stays private until classified.
 */
export type EvaluationFieldClass = 'partners' | 'landlord' | 'aggregate' | 'caseworker_only';

const GRID_CRITERIA = [
  'upkeep',
  'rights_and_duties',
  'equipment_and_energy',
  'technical_incidents',
  'resources',
  'debts',
  'rent_payment',
  'rent_guarantee',
  'paperwork',
  'collective_rules',
  'neighbours',
  'local_services',
] as const;

export const EVALUATION_FIELD_CLASSES: Record<string, EvaluationFieldClass> = {
  'objectives[].title': 'landlord',
  'objectives[].briques': 'landlord',
  'objectives[].outcome': 'landlord',
  'objectives[].comment': 'caseworker_only',
  ...Object.fromEntries(
    GRID_CRITERIA.flatMap((k) => [
      [`grid.${k}.score`, 'aggregate'],
      [`grid.${k}.comment`, 'caseworker_only'],
    ]),
  ),
  'nextStep.step': 'partners',
  'nextStep.watchMonths': 'partners',
  'nextStep.relayOrganisationId': 'partners',
  partnerNote: 'partners',
  notes: 'caseworker_only',
};

/** Class of a path; an unclassified path is caseworker-only. */
export const evaluationFieldClass = (path: string): EvaluationFieldClass =>
  EVALUATION_FIELD_CLASSES[path] ?? 'caseworker_only';

/**
 * The briques whose objectives bear on housing, rent or occupancy (AVDL 2.1–2.5, GLA 3.1–3.4 and
 * 3.6): the landlord reads those objectives' titles and outcomes. Social life (2.6, 3.5), the
 * diagnostic (1.x) and the evaluation itself (2.7) stay between the household and its caseworker.
 */
export const HOUSING_BRIQUES: readonly string[] = [
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '3.6',
];
export const bearsOnHousing = (objective: { briques: readonly string[] }) =>
  objective.briques.some((b) => HOUSING_BRIQUES.includes(b));

/** What an evaluation is, beside its content: kind and period (every version states them). */
export interface EvaluationFrame {
  kind: EvaluationKind;
  periodStart: string;
  periodEnd: string;
}

/** The next step as partners read it: the relaying organisation by its name, looked up by the caller. */
function partnerNextStep(content: TEvaluationContent, relayName: string | null) {
  const n = content.nextStep;
  if (!n) return null;
  return {
    step: n.step,
    watchMonths: n.step === 'watch' ? n.watchMonths : null,
    relayOrganisationName: n.step === 'relay' ? relayName : null,
  };
}

export function deriveLandlordVersion(
  frame: EvaluationFrame,
  content: TEvaluationContent,
  relayName: string | null = null,
): TLandlordEvaluation {
  return {
    audience: 'landlord',
    kind: frame.kind,
    periodStart: frame.periodStart,
    periodEnd: frame.periodEnd,
    objectives: content.objectives
      .filter(bearsOnHousing)
      .map((o) => ({ title: o.title, outcome: o.outcome })),
    nextStep: partnerNextStep(content, relayName),
    partnerNote: content.partnerNote,
  };
}

export function deriveFunderVersion(
  frame: EvaluationFrame,
  content: TEvaluationContent,
  baseline: TCapacityScores | null,
  relayName: string | null = null,
): TFunderEvaluation {
  return {
    audience: 'funder',
    kind: frame.kind,
    periodStart: frame.periodStart,
    periodEnd: frame.periodEnd,
    outcomes: outcomeCounts(content),
    axes: axisChanges(content.grid, baseline),
    nextStep: partnerNextStep(content, relayName),
    partnerNote: content.partnerNote,
  };
}

/** The version one partner may receive. */
export function derivePartnerEvaluation(
  audience: EvaluationAudience,
  frame: EvaluationFrame,
  content: TEvaluationContent,
  baseline: TCapacityScores | null,
  relayName: string | null = null,
): TPartnerEvaluation {
  return audience === 'landlord'
    ? deriveLandlordVersion(frame, content, relayName)
    : deriveFunderVersion(frame, content, baseline, relayName);
}
