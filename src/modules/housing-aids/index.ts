/** A household's financial aids and guarantees (FSL, Loca-Pass, Visale, aide sur quittance…): requests, decisions, payments. */
export { housingAidsRoutes } from './housing-aids.routes.ts';
