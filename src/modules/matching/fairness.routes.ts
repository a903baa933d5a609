import type { Routes } from '../../kernel/routes.ts';
import { FAIRNESS_ROUTES as R } from '../../shared/routes/fairness.ts';
import { fairnessView } from './use-cases/fairness-view.ts';

/** The fairness view of matching (transport only). */
export function fairnessRoutes(routes: Routes): void {
  routes.add(R.view, (ctx, { query }) => fairnessView(ctx, query));
}
