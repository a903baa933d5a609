import type { Routes } from '../../kernel/routes.ts';
import { MATCHING_ROUTES as R } from '../../shared/routes/matching.ts';
import { listCandidates } from './use-cases/list-candidates.ts';
import { adoptPolicy, getPolicy, previewPolicy } from './use-cases/policies.ts';

/** Candidates and the matching policy (transport only). */
export function matchingRoutes(routes: Routes): void {
  routes.add(R.candidates, (ctx, { params, query }) => listCandidates(ctx, params.id, query));
  routes.add(R.policy, (ctx) => getPolicy(ctx));
  // A read with a body: its pairs are refreshed in transactions of their own, and its ranking runs
  // on two connections side by side.
  routes.add(R.previewPolicy, (ctx, { body }) => previewPolicy(ctx, body.params), { transaction: false });
  routes.add(R.adoptPolicy, (ctx, { body }) => adoptPolicy(ctx, body));
}
