/**
 * Matching households ready to leave with vacancies (issue 12): the candidates of a vacancy ranked
 * with why under the territory's versioned policy, the designations and the commission's outcomes,
 * and the fairness view of the proposals.
 */
export { matchingRoutes } from './matching.routes.ts';
export { checkCandidates, type CandidateCheck } from './use-cases/check-candidates.ts';
export { fairnessRoutes } from './fairness.routes.ts';

// The CAL file of a candidate: what a designation sends the vacancy's landlord (point 4).
export { calFileRoutes } from './cal-file.routes.ts';
export { calFilePdf } from './use-cases/cal-file-pdf.ts';
