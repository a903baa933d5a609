/**
 * Matching households ready to leave with vacancies (issue 12): the candidates of a vacancy ranked
 * with why under the territory's versioned policy, the designations and the commission's outcomes,
 * and the fairness view of the proposals.
 */
export { matchingRoutes } from './matching.routes.ts';
export { checkCandidates, type CandidateCheck } from './use-cases/check-candidates.ts';
export { fairnessRoutes } from './fairness.routes.ts';

// --- Designations and outcomes (h/designations): the lead merges this block into the module's front door.
/**
 * Designation of households on a vacancy and the commission's outcome (issue 12 points 4–5): the
 * routes, and the `proposal-silences` job that records a household's silence once its period ends.
 */
export { designationsRoutes } from './designations.routes.ts';
export { proposalSilencesJob, recordSilences } from './use-cases/record-silences.ts';
