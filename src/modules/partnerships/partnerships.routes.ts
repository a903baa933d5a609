import type { Routes } from '../../kernel/routes.ts';
import { PARTNERSHIP_ROUTES as R } from '../../shared/routes/partnerships.ts';
import { addConventionDwelling } from './use-cases/add-convention-dwelling.ts';
import { createConvention } from './use-cases/create-convention.ts';
import { getConvention } from './use-cases/get-convention.ts';
import { getConventionReview, getConventionReviewPdf } from './use-cases/get-convention-review.ts';
import { listConventions } from './use-cases/list-conventions.ts';
import { planGla } from './use-cases/plan-gla.ts';
import { amendConvention } from './use-cases/amend-convention.ts';
import { endAvailability } from './use-cases/end-availability.ts';

/** Partnership conventions and the GLA follow-up (transport only). */
export function partnershipsRoutes(routes: Routes): void {
  routes.add(R.list, (ctx) => listConventions(ctx));
  routes.add(R.create, (ctx, { body }) => createConvention(ctx, body));
  routes.add(R.get, (ctx, { params }) => getConvention(ctx, params.conventionId));
  routes.add(R.addDwelling, (ctx, { params, body }) =>
    addConventionDwelling(ctx, { ...body, conventionId: params.conventionId }),
  );
  routes.add(R.review, (ctx, { params, query }) => getConventionReview(ctx, params.conventionId, query.year));
  routes.add(R.reviewPdf, (ctx, { params, query }) =>
    getConventionReviewPdf(ctx, params.conventionId, query.year),
  );
  routes.add(R.planGla, (ctx, { params, body }) => planGla(ctx, params.conventionId, body.year));
  routes.add(R.amend, (ctx, { params, body }) =>
    amendConvention(ctx, { ...body, conventionId: params.conventionId }),
  );
  routes.add(R.endAvailability, (ctx, { params, body }) => endAvailability(ctx, { ...body, ...params }));
}
