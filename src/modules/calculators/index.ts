/** The public housing-benefit estimator: its dated parameters (files and administrators' additions) and API. */
export { loadFileScales, readScales, type StoredScale } from './scales.repository.ts';
export { calculatorsRoutes } from './calculators.routes.ts';
