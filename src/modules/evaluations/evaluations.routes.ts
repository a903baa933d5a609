import type { Routes } from '../../kernel/routes.ts';
import { EVALUATION_ROUTES as R } from '../../shared/routes/evaluations.ts';
import { correctMonthlyPoint } from './use-cases/correct-monthly-point.ts';
import { listMonthlyPoints } from './use-cases/list-monthly-points.ts';
import { prepareMonthlyPoint } from './use-cases/prepare-monthly-point.ts';
import { updateMonthlyPoint } from './use-cases/update-monthly-point.ts';
import { validateMonthlyPoint } from './use-cases/validate-monthly-point.ts';

/** Monthly points of the measures (transport only). */
export function evaluationsRoutes(routes: Routes): void {
  routes.add(R.monthlyPoints, (ctx, { params }) => listMonthlyPoints(ctx, params.id));
  routes.add(R.prepareMonthlyPoint, (ctx, { params, body }) =>
    prepareMonthlyPoint(ctx, { householdId: params.id, measureId: params.measureId, ...body }),
  );
  const onPoint = (params: { id: string; pointId: string }) => ({
    householdId: params.id,
    pointId: params.pointId,
  });
  routes.add(R.updateMonthlyPoint, (ctx, { params, body }) =>
    updateMonthlyPoint(ctx, { ...onPoint(params), ...body }),
  );
  routes.add(R.validateMonthlyPoint, (ctx, { params, body }) =>
    validateMonthlyPoint(ctx, { ...onPoint(params), ...body }),
  );
  routes.add(R.correctMonthlyPoint, (ctx, { params, body }) =>
    correctMonthlyPoint(ctx, { ...onPoint(params), ...body }),
  );
}
