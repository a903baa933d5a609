/** Monthly points of the running measures: the month's journal summed up, the report, the validation. */
export { evaluationsRoutes } from './evaluations.routes.ts';
export { latestMonthlyPoints, type LatestMonthlyPoint } from './monthly-points.repository.ts';
export { evaluationsDue } from './evaluations-due.ts';
export { validatedMonthlyPoints } from './validated-points.ts';
