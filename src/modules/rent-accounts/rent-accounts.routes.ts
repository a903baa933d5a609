import type { Routes } from '../../kernel/routes.ts';
import { RENT_ACCOUNT_ROUTES as R } from '../../shared/routes/rent-accounts.ts';
import { checkPlans } from './use-cases/check-plans.ts';
import { closeAccount } from './use-cases/close-account.ts';
import { createPlan } from './use-cases/create-plan.ts';
import { exportStatement } from './use-cases/export-statement.ts';
import { getAccount } from './use-cases/get-account.ts';
import { listPostings } from './use-cases/list-postings.ts';
import { openAccountOf } from './use-cases/open-account.ts';
import { postCounterEntry } from './use-cases/post-counter-entry.ts';
import { postEntry } from './use-cases/post-entry.ts';
import { postMonthlyCalls } from './use-cases/post-monthly-calls.ts';
import { postPayment } from './use-cases/post-payment.ts';

/** Rent accounts (transport only). */
export function rentAccountsRoutes(routes: Routes): void {
  routes.add(R.account, (ctx, { params }) => getAccount(ctx, params.contractId));
  routes.add(R.postings, (ctx, { params, query }) => listPostings(ctx, params.contractId, query));
  routes.add(R.statement, (ctx, { params, query }) => exportStatement(ctx, params.contractId, query));
  routes.add(R.open, (ctx, { params, body }) => openAccountOf(ctx, params.contractId, body.on));
  routes.add(R.calls, (ctx, { params, body }) => postMonthlyCalls(ctx, params.contractId, body));
  routes.add(R.payment, (ctx, { params, body }) => postPayment(ctx, params.contractId, body));
  routes.add(R.entry, (ctx, { params, body }) => postEntry(ctx, params.contractId, body));
  routes.add(R.counterEntry, (ctx, { params, body }) => postCounterEntry(ctx, params.contractId, body));
  routes.add(R.close, (ctx, { params, body }) => closeAccount(ctx, params.contractId, body.on));
  routes.add(R.createPlan, (ctx, { params, body }) => createPlan(ctx, params.contractId, body));
  routes.add(R.renegotiatePlan, (ctx, { params, body }) =>
    createPlan(ctx, params.contractId, body, params.planId),
  );
  routes.add(R.checkPlans, (ctx, { params }) => checkPlans(ctx, params.contractId));
}
