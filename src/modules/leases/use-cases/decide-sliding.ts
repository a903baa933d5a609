import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { TContract } from '../../../shared/contracts/leases.ts';
import type { LeaseParty } from '../../../shared/leases/contract-rules.ts';
import {
  SLIDING_DECISION_LABELS,
  decisionRefusal,
  type SlidingDecision,
} from '../../../shared/leases/sliding.ts';
import { requireContractAction } from '../lease-access.ts';
import { insertEvent, roundEvaluations } from '../leases.repository.ts';
import { applyEnd } from './end-contract.ts';
import { contractAnswer } from './get-contract.ts';
import { applyRenewal } from './renew-contract.ts';
import { slideContract, type SlideHooks } from './slide-contract.ts';

/**
 * The joint decision after the three parties' evaluations of the round: slide now (the sublease ends
 * on `on`, the direct lease starts the next day), renew with new objectives and a new review date,
 * or end the sublease on `on` and rehouse. Answers the contract the household now holds.
 */
export async function decideSliding(
  ctx: Context,
  input: {
    id: string;
    rowVersion: number;
    decision: SlidingDecision;
    on: string;
    slidingReviewOn: string | null;
    objectives: string | null;
    note: string | null;
  },
  hooks: SlideHooks,
): Promise<TContract> {
  const readable = await requireContractAction(ctx, input.id, 'manage_contract', 'slide');
  const c = readable.row.contract;
  const evaluated = (await roundEvaluations(ctx.db, c.id, c.slidingReviewOn!)).map(
    (e) => e.party as LeaseParty,
  );
  const refusal = decisionRefusal(evaluated);
  if (refusal) throw new AppError('INVALID_STATE', refusal);

  await insertEvent(ctx.db, {
    contractId: c.id,
    event: 'sliding_decided',
    occurredOn: input.on,
    note: [SLIDING_DECISION_LABELS[input.decision], input.note].filter(Boolean).join(' — '),
    userId: ctx.actor.userId,
    at: ctx.now,
  });
  let answerId = c.id;
  if (input.decision === 'slide')
    answerId = await slideContract(ctx, readable, { rowVersion: input.rowVersion, lastDay: input.on }, hooks);
  else if (input.decision === 'renew')
    await applyRenewal(ctx, readable, {
      rowVersion: input.rowVersion,
      on: input.on,
      slidingReviewOn: input.slidingReviewOn,
      endOn: null,
      objectives: input.objectives,
    });
  else
    await applyEnd(ctx, readable, {
      rowVersion: input.rowVersion,
      endOn: input.on,
      outcome: 'rehoused',
      reason: input.note,
      party: null,
    });
  await audit(ctx.db, ctx.actor, {
    action: 'lease.sliding.decide',
    entityType: 'occupancy_contract',
    entityId: c.id,
    householdId: c.householdId,
    details: { kind: c.kind, decision: input.decision, on: input.on },
  });
  return contractAnswer(ctx, answerId);
}
