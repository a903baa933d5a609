import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid } from '../../../kernel/errors.ts';
import { leaseRefusal } from '../../../shared/access/lease-policy.ts';
import type { TContract, TContractCreate } from '../../../shared/contracts/leases.ts';
import { defaultSlidingReview, draftProblems, isSlidingKind } from '../../../shared/leases/contract-rules.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { rejectProblems, requireDwellingFree } from '../lease-access.ts';
import { insertContract, insertEvent } from '../leases.repository.ts';
import { contractAnswer } from './get-contract.ts';

/**
 * Records a contract in preparation: its parties (the actor's organisation among them), the
 * household's file when given (the actor must read it), and its dates, which no other contract of
 * the dwelling may share. A sliding kind's review falls 12 months after the start by default.
 */
export async function createContract(ctx: Context, input: TContractCreate): Promise<TContract> {
  const slidingReviewOn =
    input.slidingReviewOn ?? (isSlidingKind(input.kind) ? defaultSlidingReview(input.startOn) : null);
  const draft = { ...input, slidingReviewOn };
  rejectProblems(draftProblems(draft));
  const refusal = leaseRefusal(ctx.actor, 'manage_contract', draft, false);
  if (refusal) throw forbidden(refusal);
  if (input.householdId) await requireHouseholdAccess(ctx, input.householdId);

  const dwelling = await requireDwellingFree(ctx, input.dwellingId, {
    id: '',
    startOn: input.startOn,
    endOn: input.endOn,
  });
  if (dwelling.landlordOrganisationId && input.lessorOrganisationId !== dwelling.landlordOrganisationId)
    throw invalid({ lessorOrganisationId: 'Le bailleur du contrat est celui du logement.' });

  const id = await insertContract(ctx.db, {
    ...draft,
    status: 'draft',
    createdByUserId: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await insertEvent(ctx.db, {
    contractId: id,
    event: 'created',
    occurredOn: input.signedOn ?? input.startOn,
    userId: ctx.actor.userId,
    at: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'lease.create',
    entityType: 'occupancy_contract',
    entityId: id,
    householdId: input.householdId,
    details: { kind: input.kind, on: input.startOn },
  });
  return contractAnswer(ctx, id);
}
