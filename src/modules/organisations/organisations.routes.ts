import type { Routes } from '../../kernel/routes.ts';
import { ORGANISATION_ROUTES as R } from '../../shared/routes/organisations.ts';
import { listOrganisations } from './use-cases/list-organisations.ts';
import { getOrganisation } from './use-cases/get-organisation.ts';
import { listTerritories } from './use-cases/list-territories.ts';
import { updateOrganisation } from './use-cases/update-organisation.ts';
import { saveManagementUnit } from './use-cases/save-management-unit.ts';

/** The organisation directory, territories, and an administrator's own organisation (transport only). */
export function organisationsRoutes(routes: Routes): void {
  routes.add(R.list, async (ctx, { query }) => ({ items: await listOrganisations(ctx, query) }));
  routes.add(R.get, (ctx, { params }) => getOrganisation(ctx, params.id));
  routes.add(R.territories, async (ctx, { query }) => ({ items: await listTerritories(ctx, query) }));
  routes.add(R.updateOwn, (ctx, { body }) => updateOrganisation(ctx, body));
  routes.add(R.createManagementUnit, (ctx, { body }) => saveManagementUnit(ctx, { fields: body }));
  routes.add(R.updateManagementUnit, (ctx, { params, body }) =>
    saveManagementUnit(ctx, { unitId: params.id, fields: body }),
  );
}
