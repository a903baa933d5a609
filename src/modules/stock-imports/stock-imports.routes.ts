import type { Routes } from '../../kernel/routes.ts';
import { STOCK_IMPORT_ROUTES as R } from '../../shared/routes/dwellings.ts';
import { applyImport } from './use-cases/apply-import.ts';
import { flaggedTenants, getThreshold, setThreshold } from './use-cases/arrears.ts';
import { checkImport } from './use-cases/check-import.ts';
import { getImport, listImports } from './use-cases/list-imports.ts';
import { mapImport } from './use-cases/map-import.ts';
import { uploadImport } from './use-cases/upload-import.ts';

/** Imports of a landlord's exports and its tenants to signal early (transport only). */
export function stockImportsRoutes(routes: Routes): void {
  routes.add(R.list, (ctx) => listImports(ctx));
  routes.add(R.upload, (ctx, { body }) => uploadImport(ctx, body));
  routes.add(R.get, (ctx, { params }) => getImport(ctx, params.runId));
  routes.add(R.map, (ctx, { params, body }) => mapImport(ctx, params.runId, body.mapping));
  routes.add(R.check, (ctx, { params }) => checkImport(ctx, params.runId));
  routes.add(R.apply, (ctx, { params }) => applyImport(ctx, params.runId));
  routes.add(R.threshold, (ctx) => getThreshold(ctx));
  routes.add(R.setThreshold, (ctx, { body }) => setThreshold(ctx, body));
  // Reading who is in arrears is audited: it writes.
  routes.add(R.flagged, (ctx) => flaggedTenants(ctx), { transaction: true });
}
