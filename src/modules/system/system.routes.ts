import type { AppDeps } from '../../kernel/deps.ts';
import type { Routes } from '../../kernel/routes.ts';
import { SYSTEM_ROUTES as R } from '../../shared/routes/system.ts';
import { checkHealth } from './use-cases/check-health.ts';

/** Health of the running app (transport only). */
export function systemRoutes(routes: Routes, deps: Pick<AppDeps, 'database'>): void {
  routes.add(R.health, (ctx) => checkHealth(ctx, deps.database.kind));
}
