import type { Routes } from '../../kernel/routes.ts';
import { DWELLING_ROUTES as R } from '../../shared/routes/dwellings.ts';
import { addRent, changeStatus } from './use-cases/change-rent-and-status.ts';
import { getDwelling } from './use-cases/get-dwelling.ts';
import { getDwellingOptions, listDwellings } from './use-cases/list-dwellings.ts';
import { changeDwelling, createDwelling } from './use-cases/save-dwelling.ts';

/** A landlord's housing stock (transport only). */
export function dwellingsRoutes(routes: Routes): void {
  routes.add(R.list, (ctx, { query }) => listDwellings(ctx, query));
  routes.add(R.options, (ctx) => getDwellingOptions(ctx));
  routes.add(R.get, (ctx, { params }) => getDwelling(ctx, params.dwellingId));
  routes.add(R.create, (ctx, { body }) => createDwelling(ctx, body));
  routes.add(R.update, (ctx, { params, body }) => changeDwelling(ctx, params.dwellingId, body));
  routes.add(R.addRent, (ctx, { params, body }) => addRent(ctx, params.dwellingId, body));
  routes.add(R.changeStatus, (ctx, { params, body }) => changeStatus(ctx, params.dwellingId, body.status));
}
