import type { Routes } from '../../kernel/routes.ts';
import { CALCULATOR_ROUTES as R } from '../../shared/routes/calculators.ts';
import { createScaleStore } from './scales.repository.ts';
import { estimateHousingBenefits, estimateOneHousingBenefit } from './use-cases/estimate-housing-benefits.ts';
import { listHousingBenefitScales } from './use-cases/list-housing-benefit-scales.ts';
import { addHousingBenefitScale } from './use-cases/add-housing-benefit-scale.ts';
import { computeEvictionTimeline, computeEvictionTimelines } from './use-cases/compute-eviction-timelines.ts';
import {
  computeSocialHousingEligibilities,
  computeSocialHousingEligibility,
} from './use-cases/compute-social-housing-eligibility.ts';

/**
 * Per client address on every public calculator (no session to throttle otherwise): a batch holds up
 * to 10 000 answers, so 30 batches a minute is 300 000 answers.
 */
const PUBLIC_LIMIT = { max: 300, timeWindow: '1 minute' };
const PUBLIC_BATCH_LIMIT = { max: 30, timeWindow: '1 minute' };

/**
 * The housing-benefit estimator and its scales, the eviction-timeline calculator, the
 * social-housing eligibility calculator (transport only: each route calls one use case).
 */
export function calculatorsRoutes(routes: Routes): void {
  // The app's cached scales: read by the estimates, emptied when an administrator adds one.
  const store = createScaleStore();
  // Estimates only read (the scales, on a cache miss): no transaction.
  routes.add(R.estimate, (ctx, { body }) => estimateOneHousingBenefit(ctx, store, body), {
    transaction: false,
    rateLimit: PUBLIC_LIMIT,
  });
  routes.add(R.estimateBatch, (ctx, { body }) => estimateHousingBenefits(ctx, store, body), {
    transaction: false,
    rateLimit: PUBLIC_BATCH_LIMIT,
  });
  routes.add(R.scales, (ctx, { query }) => listHousingBenefitScales(ctx, store, query));
  // The use case commits its own transaction, then empties the cache.
  routes.add(R.addScale, (ctx, { body }) => addHousingBenefitScale(ctx, store, body), {
    transaction: false,
  });
  // Pure computations: no database, no transaction.
  routes.add(R.evictionTimeline, (ctx, { body }) => computeEvictionTimeline(ctx, body), {
    transaction: false,
    rateLimit: PUBLIC_LIMIT,
  });
  routes.add(R.evictionTimelineBatch, (ctx, { body }) => computeEvictionTimelines(ctx, body), {
    transaction: false,
    rateLimit: PUBLIC_BATCH_LIMIT,
  });
  routes.add(R.socialHousingEligibility, (ctx, { body }) => computeSocialHousingEligibility(ctx, body), {
    transaction: false,
    rateLimit: PUBLIC_LIMIT,
  });
  routes.add(
    R.socialHousingEligibilityBatch,
    (ctx, { body }) => computeSocialHousingEligibilities(ctx, body),
    { transaction: false, rateLimit: PUBLIC_BATCH_LIMIT },
  );
}
