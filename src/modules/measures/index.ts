/** Support measures: the dated scheme catalogue, measures and their lifecycle, funders' decisions, caseloads. */
export { measuresRoutes } from './measures.routes.ts';
export { measureForContract, type MeasureForContract } from './measures.repository.ts';
