/** The référentiel of the briques (AVDL, GLA): shipped dated versions, what measures and contracts refer to. */
export { referentielRoutes } from './referentiel.routes.ts';
export { briqueName, referentielInForce, referentielVersion } from './referentiel.ts';
