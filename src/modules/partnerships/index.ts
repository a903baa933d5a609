/** Partnership conventions between landlords and associations (fiche-action 10), their yearly review, the GLA follow-up. */
export { partnershipsRoutes } from './partnerships.routes.ts';
