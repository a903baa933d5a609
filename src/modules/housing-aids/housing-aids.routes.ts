import type { Routes } from '../../kernel/routes.ts';
import { HOUSING_AID_ROUTES as R } from '../../shared/routes/housing-aids.ts';
import { decideAid } from './use-cases/decide-aid.ts';
import { listHouseholdAids } from './use-cases/list-household-aids.ts';
import { payAid } from './use-cases/pay-aid.ts';
import { repayAid } from './use-cases/repay-aid.ts';
import { requestAid } from './use-cases/request-aid.ts';

/** A household's aids (transport only). */
export function housingAidsRoutes(routes: Routes): void {
  // The read and its audit entry land together.
  routes.add(R.list, (ctx, { params }) => listHouseholdAids(ctx, params.id), { transaction: true });
  routes.add(R.request, (ctx, { params, body }) => requestAid(ctx, { ...body, householdId: params.id }));
  routes.add(R.decide, (ctx, { params, body }) =>
    decideAid(ctx, { ...body, householdId: params.id, aidId: params.aidId }),
  );
  routes.add(R.pay, (ctx, { params, body }) =>
    payAid(ctx, { ...body, householdId: params.id, aidId: params.aidId }),
  );
  routes.add(R.repay, (ctx, { params, body }) =>
    repayAid(ctx, { ...body, householdId: params.id, aidId: params.aidId }),
  );
}
