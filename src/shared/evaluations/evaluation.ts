import { CAPACITY_AXES, CAPACITY_AXIS_LABELS, type TCapacityScores } from '../contracts/diagnostics.ts';
import type {
  EvaluationKind,
  EvaluationNextStep,
  TAxisChange,
  TEvaluationContent,
} from '../contracts/evaluations.ts';
import type { MeasureOrientation } from '../contracts/measures.ts';
import { axisAverages } from '../diagnostics/capacity.ts';
import { formatDate } from '../format.ts';

/**
 * The pure rules of a measure's evaluations (brique 2.7): what the recommended next step does to
 * the measure, what an evaluation lacks before validation, the grid's change since the diagnostic.
 */

/** What the next step does to the measure: renew it, or end it with the orientation it names. */
export type MeasureFollowUp = { action: 'renew' } | { action: 'end'; orientation: MeasureOrientation };

const ORIENTATION_OF: Record<Exclude<EvaluationNextStep, 'renewal'>, MeasureOrientation> = {
  end: 'none',
  relay: 'relay',
  watch: 'watch',
  lease_transfer: 'lease_transfer',
  transfer: 'transfer',
};

export function measureFollowUp(step: EvaluationNextStep): MeasureFollowUp {
  return step === 'renewal' ? { action: 'renew' } : { action: 'end', orientation: ORIENTATION_OF[step] };
}

export const OUTCOME_REQUIRED = 'Indiquez si cet objectif est atteint, partiellement atteint ou non atteint.';
export const COMMENT_REQUIRED =
  'Expliquez en quelques mots pourquoi cet objectif n’est pas entièrement atteint.';
export const NEXT_STEP_REQUIRED = 'Une évaluation finale recommande la suite : choisissez-la.';
export const WATCH_MONTHS_REQUIRED = 'Indiquez la durée de la veille.';
export const RELAY_REQUIRED = 'Indiquez l’organisation qui prend le relais.';
export const GRID_REQUIRED = 'Notez la grille de capacité à habiter.';

/**
 * What an evaluation lacks before it is validated, by field path (empty when complete): every
 * objective of the contract rated, a comment for an objective partly or not reached, the grid
 * scored, the next step of a final evaluation with the details it needs.
 */
export function evaluationGaps(kind: EvaluationKind, content: TEvaluationContent): Record<string, string> {
  const gaps: Record<string, string> = {};
  content.objectives.forEach((o, i) => {
    if (!o.outcome) gaps[`objectives.${i}.outcome`] = OUTCOME_REQUIRED;
    else if (o.outcome !== 'reached' && o.comment.trim() === '')
      gaps[`objectives.${i}.comment`] = COMMENT_REQUIRED;
  });
  if (!content.grid) gaps.grid = GRID_REQUIRED;
  const next = content.nextStep;
  if (kind === 'final' && !next) gaps.nextStep = NEXT_STEP_REQUIRED;
  if (next?.step === 'watch' && !next.watchMonths) gaps['nextStep.watchMonths'] = WATCH_MONTHS_REQUIRED;
  if (next?.step === 'relay' && !next.relayOrganisationId)
    gaps['nextStep.relayOrganisationId'] = RELAY_REQUIRED;
  return gaps;
}

/** Each axis's average now, before (the diagnostic's grid) and the change, rounded to two decimals. */
export function axisChanges(now: TCapacityScores | null, before: TCapacityScores | null): TAxisChange[] {
  if (!now) return [];
  const a = axisAverages(now);
  const b = before ? axisAverages(before) : null;
  return CAPACITY_AXES.map((axis) => ({
    axis,
    label: CAPACITY_AXIS_LABELS[axis],
    before: b ? b[axis] : null,
    now: a[axis],
    change: b ? Math.round((a[axis] - b[axis]) * 100) / 100 : null,
  }));
}

/** The change in words: « +0,5 », « −1 », « stable », or « — » without a diagnostic grid. */
export function changeInWords(change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return 'stable';
  const abs = Math.abs(change).toLocaleString('fr-FR', { maximumFractionDigits: 2 });
  return change > 0 ? `+${abs}` : `−${abs}`;
}

/** The outcomes counted, for the funder and for the renewal's summary. */
export function outcomeCounts(content: Pick<TEvaluationContent, 'objectives'>) {
  const count = (o: string) => content.objectives.filter((x) => x.outcome === o).length;
  return {
    objectives: content.objectives.length,
    reached: count('reached'),
    partly: count('partly'),
    not_reached: count('not_reached'),
  };
}

/** The sentence a renewal records as the evaluation behind it. */
export function renewalSummary(
  kind: EvaluationKind,
  content: TEvaluationContent,
  validatedOn: string,
): string {
  const c = outcomeCounts(content);
  const what = kind === 'final' ? 'Évaluation finale validée' : 'Bilan d’étape validé';
  return `${what} le ${formatDate(validatedOn)} : ${c.reached} objectif(s) atteint(s), ${c.partly} partiellement, ${c.not_reached} non atteint(s) sur ${c.objectives}.`;
}
