/** Matching (issue 12): the policies, designations and proposals of households on vacancies. */

// --- The fairness view (issue 12 point 6): proposals, refusals and allocations by household profile.
export { fairnessRoutes } from './fairness.routes.ts';
