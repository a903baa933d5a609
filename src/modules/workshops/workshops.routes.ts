import type { Routes } from '../../kernel/routes.ts';
import { WORKSHOP_ROUTES as R } from '../../shared/routes/workshops.ts';
import { cancelWorkshop } from './use-cases/cancel-workshop.ts';
import { changeWorkshop } from './use-cases/change-workshop.ts';
import { getWorkshop } from './use-cases/get-workshop.ts';
import { getWorkshopOptions } from './use-cases/get-workshop-options.ts';
import { inviteHouseholds } from './use-cases/invite-households.ts';
import { listWorkshops } from './use-cases/list-workshops.ts';
import { planWorkshop } from './use-cases/plan-workshop.ts';
import { recordAttendance } from './use-cases/record-attendance.ts';

/** Collective workshops (transport only). */
export function workshopsRoutes(routes: Routes): void {
  routes.add(R.list, (ctx) => listWorkshops(ctx));
  routes.add(R.options, (ctx) => getWorkshopOptions(ctx));
  routes.add(R.create, (ctx, { body }) => planWorkshop(ctx, body));
  routes.add(R.get, (ctx, { params }) => getWorkshop(ctx, params.workshopId));
  routes.add(R.update, (ctx, { params, body }) =>
    changeWorkshop(ctx, { ...body, workshopId: params.workshopId }),
  );
  routes.add(R.cancel, (ctx, { params, body }) =>
    cancelWorkshop(ctx, { ...body, workshopId: params.workshopId }),
  );
  routes.add(R.invitations, (ctx, { params, body }) =>
    inviteHouseholds(ctx, { ...body, workshopId: params.workshopId }),
  );
  routes.add(R.attendance, (ctx, { params, body }) =>
    recordAttendance(ctx, { ...body, workshopId: params.workshopId }),
  );
}
