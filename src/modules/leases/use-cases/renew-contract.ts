import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TContract } from '../../../shared/contracts/leases.ts';
import { isSlidingKind, renewalReview } from '../../../shared/leases/contract-rules.ts';
import {
  requireContractAction,
  requireDwellingFree,
  staleContract,
  type ReadableContract,
} from '../lease-access.ts';
import { insertEvent, updateContract } from '../leases.repository.ts';
import { raiseSlidingReviewTask } from '../sliding-review-task.ts';
import { contractAnswer } from './get-contract.ts';

export interface RenewalInput {
  rowVersion: number;
  on: string;
  slidingReviewOn: string | null;
  endOn: string | null;
  objectives: string | null;
}

/**
 * Renews a contract in force at the version read: a sliding sublease gets its next review (12 months
 * after the current one by default) and new objectives, the review's task moves; a new last day may
 * not make the contract share a day with another of the dwelling.
 */
export async function applyRenewal(
  ctx: Context,
  { row }: ReadableContract,
  input: RenewalInput,
): Promise<void> {
  const c = row.contract;
  const fields: Record<string, string> = {};
  let slidingReviewOn = c.slidingReviewOn;
  if (isSlidingKind(c.kind)) {
    const review = renewalReview(c, input.on, input.slidingReviewOn);
    if (review.problem) fields.slidingReviewOn = review.problem;
    slidingReviewOn = review.reviewOn;
  } else if (input.slidingReviewOn) {
    fields.slidingReviewOn =
      'Seuls les baux glissants et les transit-glissants ont une date d’examen du glissement.';
  }
  const endOn = input.endOn ?? c.endOn;
  if (input.endOn && (input.endOn < input.on || (c.endOn && input.endOn <= c.endOn)))
    fields.endOn = 'Le nouveau dernier jour doit suivre l’ancien et le jour du renouvellement.';
  if (slidingReviewOn && endOn && slidingReviewOn > endOn)
    fields.slidingReviewOn = 'La date d’examen du glissement doit précéder la fin du contrat.';
  if (Object.keys(fields).length > 0) throw invalid(fields);
  if (input.endOn) await requireDwellingFree(ctx, c.dwellingId, { id: c.id, startOn: c.startOn, endOn });

  const saved = await updateContract(ctx.db, {
    id: c.id,
    rowVersion: input.rowVersion,
    values: { slidingReviewOn, endOn, objectives: input.objectives ?? c.objectives, updatedAt: ctx.now },
  });
  if (!saved) throw staleContract();
  await insertEvent(ctx.db, {
    contractId: c.id,
    event: 'renewed',
    occurredOn: input.on,
    note: input.objectives,
    userId: ctx.actor.userId,
    at: ctx.now,
  });
  await raiseSlidingReviewTask(ctx, { ...c, slidingReviewOn });
  await audit(ctx.db, ctx.actor, {
    action: 'lease.renew',
    entityType: 'occupancy_contract',
    entityId: c.id,
    householdId: c.householdId,
    details: { kind: c.kind, on: input.on },
  });
}

export async function renewContract(ctx: Context, input: RenewalInput & { id: string }): Promise<TContract> {
  const readable = await requireContractAction(ctx, input.id, 'manage_contract', 'renew');
  await applyRenewal(ctx, readable, input);
  return contractAnswer(ctx, input.id);
}
