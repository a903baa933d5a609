import type { Routes } from '../../kernel/routes.ts';
import { REFERRAL_ROUTES as R } from '../../shared/routes/referrals.ts';
import { createReferral, type ReferredContractPort } from './use-cases/create-referral.ts';
import { acceptReferral } from './use-cases/accept-referral.ts';
import { declineReferral } from './use-cases/decline-referral.ts';
import { redirectReferral } from './use-cases/redirect-referral.ts';
import { logContactAttempt } from './use-cases/log-contact-attempt.ts';
import { recordFirstInterview } from './use-cases/record-first-interview.ts';
import { getReferral } from './use-cases/get-referral.ts';
import { listReferrals } from './use-cases/list-referrals.ts';
import { listReferralTimeline } from './use-cases/list-referral-events.ts';
import { listAssignableCaseworkers } from './use-cases/list-assignable-caseworkers.ts';

/** Referrals and the receiving side's decisions (transport only: each route calls one use case). */
export function referralRoutes(routes: Routes, contracts?: ReferredContractPort): void {
  routes.add(R.create, (ctx, { body }) => createReferral(ctx, body, contracts));
  routes.add(R.inbox, (ctx, { query }) => listReferrals(ctx, { box: 'inbox', query }));
  routes.add(R.sent, (ctx, { query }) => listReferrals(ctx, { box: 'sent', query }));
  routes.add(R.caseworkers, (ctx) => listAssignableCaseworkers(ctx));
  // One transaction: the read and its audit entry are written together (see getReferral).
  routes.add(R.get, (ctx, { params }) => getReferral(ctx, params.id), { transaction: true });
  routes.add(R.events, (ctx, { params }) => listReferralTimeline(ctx, params.id));
  routes.add(R.accept, (ctx, { params, body }) => acceptReferral(ctx, { referralId: params.id, ...body }));
  routes.add(R.decline, (ctx, { params, body }) => declineReferral(ctx, { referralId: params.id, ...body }));
  routes.add(R.redirect, (ctx, { params, body }) =>
    redirectReferral(ctx, { referralId: params.id, ...body }),
  );
  routes.add(R.logContactAttempt, (ctx, { params, body }) =>
    logContactAttempt(ctx, { referralId: params.id, ...body }),
  );
  routes.add(R.recordFirstInterview, (ctx, { params, body }) =>
    recordFirstInterview(ctx, { referralId: params.id, ...body }),
  );
}
