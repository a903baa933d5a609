import { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { TContract, ZSlidingRatings } from '../../../shared/contracts/leases.ts';
import type { LeaseParty } from '../../../shared/leases/contract-rules.ts';
import { partiesSpokenFor } from '../../../shared/leases/sliding.ts';
import { requireContractAction, staleContract } from '../lease-access.ts';
import { insertEvaluation, insertEvent, roundEvaluations, updateEvaluation } from '../leases.repository.ts';
import { contractAnswer } from './get-contract.ts';

const PARTY_REFUSAL: Record<LeaseParty, string> = {
  association: 'Seule l’association qui porte le bail fait son évaluation.',
  landlord: 'Seul le bailleur fait son évaluation.',
  household: 'L’évaluation du ménage est notée avec lui par le travailleur social de l’association.',
};

/**
 * A party's evaluation of the current review round: the association's and the household's (noted
 * with it by the association's worker) by the association, the landlord's by the lessor. The first
 * creates it, a later one changes it at the version read.
 */
export async function evaluateSliding(
  ctx: Context,
  input: {
    id: string;
    party: LeaseParty;
    rowVersion: number | null;
    evaluatedOn: string;
    ratings: z.infer<typeof ZSlidingRatings>;
    comment: string | null;
  },
): Promise<TContract> {
  const { row } = await requireContractAction(ctx, input.id, 'evaluate_sliding', 'evaluate');
  const c = row.contract;
  if (!partiesSpokenFor(ctx.actor.organisationId, c).includes(input.party))
    throw forbidden(PARTY_REFUSAL[input.party]);
  const reviewOn = c.slidingReviewOn!;
  const existing = (await roundEvaluations(ctx.db, c.id, reviewOn)).find((e) => e.party === input.party);
  const values = {
    ratings: input.ratings,
    comment: input.comment,
    evaluatedOn: input.evaluatedOn,
    recordedByUserId: ctx.actor.userId,
    recordedByOrganisationId: ctx.actor.organisationId,
    updatedAt: ctx.now,
  };
  if (existing) {
    if (input.rowVersion === null) throw staleContract();
    const saved = await updateEvaluation(ctx.db, { id: existing.id, rowVersion: input.rowVersion, values });
    if (!saved) throw staleContract();
  } else {
    if (input.rowVersion !== null) throw staleContract();
    const created = await insertEvaluation(ctx.db, {
      ...values,
      contractId: c.id,
      reviewOn,
      party: input.party,
      createdAt: ctx.now,
    });
    if (!created) throw staleContract();
    await insertEvent(ctx.db, {
      contractId: c.id,
      event: 'sliding_evaluated',
      occurredOn: input.evaluatedOn,
      party: input.party,
      userId: ctx.actor.userId,
      at: ctx.now,
    });
  }
  await audit(ctx.db, ctx.actor, {
    action: 'lease.sliding.evaluate',
    entityType: 'occupancy_contract',
    entityId: c.id,
    householdId: c.householdId,
    details: { party: input.party },
  });
  return contractAnswer(ctx, c.id);
}
