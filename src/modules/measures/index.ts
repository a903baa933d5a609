/** Support measures: the dated scheme catalogue, measures and their lifecycle, funders' decisions, caseloads. */
export { measuresRoutes } from './measures.routes.ts';
export { applyCommitteeDecision, type CommitteeDecision } from './use-cases/apply-committee-decision.ts';
export { defaultCatalogue, schemeName } from './schemes.repository.ts';
export {
  eventsOf,
  findMeasure,
  listHouseholdMeasures,
  measureForContract,
  type MeasureForContract,
  type MeasureRecord,
} from './measures.repository.ts';
export { caseloads, accessKinds, HOLDING as HOLDING_STATUSES } from './measures.repository.ts';
export { householdsWatchUntil } from './watch-status.ts';
export { renewMeasure } from './use-cases/renew-measure.ts';
export { endMeasure } from './use-cases/end-measure.ts';
