import type { Routes } from '../../kernel/routes.ts';
import { HOUSING_POOL_ROUTES as R } from '../../shared/routes/housing-pool.ts';
import { getHousingProject } from './use-cases/get-housing-project.ts';
import { listPool, type PoolAllocationsPort } from './use-cases/list-pool.ts';
import { giveProposalConsent, withdrawProposalConsent } from './use-cases/proposal-consent.ts';
import { saveHousingProject } from './use-cases/save-housing-project.ts';

/** The pool of households ready to leave (transport only); reads land with their audit entries. */
export function housingPoolRoutes(routes: Routes, ports: { allocations: PoolAllocationsPort }): void {
  routes.add(R.project, (ctx, { params }) => getHousingProject(ctx, params.id), { transaction: true });
  routes.add(R.saveProject, (ctx, { params, body }) => saveHousingProject(ctx, params.id, body));
  routes.add(R.giveConsent, (ctx, { params, body }) => giveProposalConsent(ctx, params.id, body));
  routes.add(R.withdrawConsent, (ctx, { params, body }) => withdrawProposalConsent(ctx, params.id, body));
  routes.add(R.pool, (ctx, { query }) => listPool(ctx, query, ports.allocations), { transaction: true });
}
