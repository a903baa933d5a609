import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TContract } from '../../../shared/contracts/leases.ts';
import { requireContractAction, staleContract } from '../lease-access.ts';
import { insertEvent, updateContract } from '../leases.repository.ts';
import { raiseSlidingReviewTask } from '../sliding-review-task.ts';
import { contractAnswer } from './get-contract.ts';

/** Puts a contract in force (draft → active) at the version read; a sliding one's review becomes a task. */
export async function activateContract(
  ctx: Context,
  input: { id: string; rowVersion: number; on: string },
): Promise<TContract> {
  const { row } = await requireContractAction(ctx, input.id, 'manage_contract', 'activate');
  const c = row.contract;
  if (c.signedOn && input.on < c.signedOn)
    throw invalid({ on: 'Le contrat ne peut pas entrer en vigueur avant sa signature.' });
  const saved = await updateContract(ctx.db, {
    id: c.id,
    rowVersion: input.rowVersion,
    values: { status: 'active', updatedAt: ctx.now },
  });
  if (!saved) throw staleContract();
  await insertEvent(ctx.db, {
    contractId: c.id,
    event: 'activated',
    occurredOn: input.on,
    userId: ctx.actor.userId,
    at: ctx.now,
  });
  await raiseSlidingReviewTask(ctx, c);
  await audit(ctx.db, ctx.actor, {
    action: 'lease.activate',
    entityType: 'occupancy_contract',
    entityId: c.id,
    householdId: c.householdId,
    details: { kind: c.kind, on: input.on },
  });
  return contractAnswer(ctx, c.id);
}
