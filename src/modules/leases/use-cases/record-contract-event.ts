import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TContract } from '../../../shared/contracts/leases.ts';
import { recordableEvents, type ContractEvent } from '../../../shared/leases/contract-rules.ts';
import { requireContractAction } from '../lease-access.ts';
import { insertEvent } from '../leases.repository.ts';
import { contractAnswer } from './get-contract.ts';

/** Notes a dated event the contract's kind allows (a CCAPEX validation for a bail de sauvegarde…). */
export async function recordContractEvent(
  ctx: Context,
  input: { id: string; event: ContractEvent; occurredOn: string; note: string | null },
): Promise<TContract> {
  const { row } = await requireContractAction(ctx, input.id, 'manage_contract', 'record_event');
  const c = row.contract;
  if (!recordableEvents(c.kind).includes(input.event))
    throw invalid({ event: 'Cet événement ne se note pas sur ce type de contrat.' });
  await insertEvent(ctx.db, {
    contractId: c.id,
    event: input.event,
    occurredOn: input.occurredOn,
    note: input.note,
    userId: ctx.actor.userId,
    at: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'lease.event',
    entityType: 'occupancy_contract',
    entityId: c.id,
    householdId: c.householdId,
    details: { kind: c.kind, event: input.event, on: input.occurredOn },
  });
  return contractAnswer(ctx, c.id);
}
