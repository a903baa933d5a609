/**
 * Monthly points of the running measures (the month's journal summed up, the report, the validation)
 * and their evaluations (interim and final, partner versions, signature, next step).
 */
export { evaluationsRoutes } from './evaluations.routes.ts';
export { latestMonthlyPoints, type LatestMonthlyPoint } from './monthly-points.repository.ts';
export { evaluationsDue, type MeasureEvaluationsDue } from './evaluations-due.ts';
export { validatedMonthlyPoints } from './validated-points.ts';
