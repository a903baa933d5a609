/**
 * A household's financial aids and guarantees (FSL, Loca-Pass, Visale, aide sur quittance…):
 * requests, decisions, payments, a loan's repayments; for the alerts, the aids waiting for a
 * decision and the loans being repaid.
 */
export { housingAidsRoutes } from './housing-aids.routes.ts';
export { aidAlertFacts } from './housing-aids.repository.ts';
