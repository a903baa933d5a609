/**
 * Matching households ready to leave with vacancies (issue 12): the candidates of a vacancy ranked
 * with why under the territory's versioned policy; the designations, the households' answers and the
 * commission's outcomes, with the `proposal-silences` job that records a silence once its period ends
 * and the `matching-refresh` job that keeps the pairs household × vacancy current;
 * the CAL file of each household put forward; the fairness view of the proposals.
 */
export { matchingRoutes } from './matching.routes.ts';
export { checkCandidates, type CandidateCheck } from './use-cases/check-candidates.ts';
export { designationsRoutes } from './designations.routes.ts';
export { proposalSilencesJob, recordSilences } from './use-cases/record-silences.ts';
export { matchingRefreshJob, refreshAllPairs } from './pairs.ts';
export { calFileRoutes } from './cal-file.routes.ts';
export { calFilePdf } from './use-cases/cal-file-pdf.ts';
export { fairnessRoutes } from './fairness.routes.ts';
// The demo builds its proposals' explanations from its own rows with the facts the ranking reads.
export { budgetsIn, dwellingFacts, householdFacts } from './candidate-facts.ts';
// The pool shows who was given a dwelling: the housing pool cannot import this module, which imports it.
export { poolAllocations } from './candidate-facts.ts';
export type { MatchingVacancy, PoolHousehold, PoolProposal } from './matching.repository.ts';
