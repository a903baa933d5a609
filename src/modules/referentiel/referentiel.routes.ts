import type { Routes } from '../../kernel/routes.ts';
import { REFERENTIEL_ROUTES as R } from '../../shared/routes/referentiel.ts';
import { getReferentielVersion } from './use-cases/get-referentiel-version.ts';
import { listReferentielVersions } from './use-cases/list-referentiel-versions.ts';

/** The référentiel of the briques (transport only). Shipped data: no database, no audit. */
export function referentielRoutes(routes: Routes): void {
  routes.add(R.list, async (ctx) => listReferentielVersions(ctx));
  routes.add(R.get, async (_ctx, { params }) => getReferentielVersion(params.version));
}
