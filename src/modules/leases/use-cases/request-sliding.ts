import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { TContract } from '../../../shared/contracts/leases.ts';
import type { LeaseParty } from '../../../shared/leases/contract-rules.ts';
import { partiesSpokenFor } from '../../../shared/leases/sliding.ts';
import { requireContractAction } from '../lease-access.ts';
import { insertEvent } from '../leases.repository.ts';
import { contractAnswer } from './get-contract.ts';

/** A party asks for the lease to slide (the household's request noted by the association's worker). */
export async function requestSliding(
  ctx: Context,
  input: { id: string; party: LeaseParty; on: string; note: string | null },
): Promise<TContract> {
  const { row } = await requireContractAction(ctx, input.id, 'evaluate_sliding', 'evaluate');
  const c = row.contract;
  if (!partiesSpokenFor(ctx.actor.organisationId, c).includes(input.party))
    throw forbidden('Une partie demande le glissement pour elle-même (le ménage avec l’association).');
  await insertEvent(ctx.db, {
    contractId: c.id,
    event: 'sliding_requested',
    occurredOn: input.on,
    note: input.note,
    party: input.party,
    userId: ctx.actor.userId,
    at: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'lease.sliding.request',
    entityType: 'occupancy_contract',
    entityId: c.id,
    householdId: c.householdId,
    details: { party: input.party },
  });
  return contractAnswer(ctx, c.id);
}
