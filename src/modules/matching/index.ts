// --- Designations and outcomes (h/designations): the lead merges this block into the module's front door.
/**
 * Designation of households on a vacancy and the commission's outcome (issue 12 points 4–5): the
 * routes, and the `proposal-silences` job that records a household's silence once its period ends.
 */
export { designationsRoutes } from './designations.routes.ts';
export { proposalSilencesJob, recordSilences } from './use-cases/record-silences.ts';
