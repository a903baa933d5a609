import {
  CAPACITY_AXES,
  CAPACITY_CRITERIA,
  CAPACITY_CRITERION_KEYS,
  type CapacityAxis,
  type ReadinessOpinion,
  type TCapacityScores,
} from '../contracts/diagnostics.ts';

/** Mean score of each axis, rounded to two decimals. */
export function axisAverages(scores: TCapacityScores): Record<CapacityAxis, number> {
  const result = {} as Record<CapacityAxis, number>;
  for (const axis of CAPACITY_AXES) {
    const values = CAPACITY_CRITERION_KEYS.filter((k) => CAPACITY_CRITERIA[k].axis === axis).map(
      (k) => scores[k].score,
    );
    result[axis] = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
  }
  return result;
}

/**
 * The "prêt à sortir" opinion the grid suggests; the caseworker confirms or overrides it.
 *  1. a financial criterion at 1 (pas autonome) → not yet: the household cannot yet carry a rent;
 *  2. otherwise no criterion at 1 and every axis average ≥ 3 → ready;
 *  3. otherwise → ready with support (an axis below 3, or a criterion at 1 outside finances).
 */
export function deriveReadiness(scores: TCapacityScores): ReadinessOpinion {
  const criteria = CAPACITY_CRITERION_KEYS;
  if (criteria.some((k) => CAPACITY_CRITERIA[k].axis === 'finance' && scores[k].score === 1))
    return 'not_yet';
  const averages = axisAverages(scores);
  const noneAtOne = criteria.every((k) => scores[k].score > 1);
  return noneAtOne && CAPACITY_AXES.every((a) => averages[a] >= 3) ? 'ready' : 'ready_with_support';
}
