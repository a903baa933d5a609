import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TContract } from '../../../shared/contracts/leases.ts';
import { endProblems, type EndOutcome, type LeaseParty } from '../../../shared/leases/contract-rules.ts';
import {
  rejectProblems,
  requireContractAction,
  requireDwellingFree,
  staleContract,
  type ReadableContract,
} from '../lease-access.ts';
import { insertEvent, updateContract } from '../leases.repository.ts';
import { closeSlidingReviewTask } from '../sliding-review-task.ts';
import { contractAnswer } from './get-contract.ts';

export interface EndInput {
  rowVersion: number;
  endOn: string;
  outcome: EndOutcome;
  reason: string | null;
  party: LeaseParty | null;
}

/** Ends a contract in force on its last day, with its outcome (a denunciation names its party and reason). */
export async function applyEnd(ctx: Context, { row }: ReadableContract, input: EndInput): Promise<void> {
  const c = row.contract;
  rejectProblems(endProblems(c, input));
  if (!c.endOn || input.endOn > c.endOn)
    await requireDwellingFree(ctx, c.dwellingId, { id: c.id, startOn: c.startOn, endOn: input.endOn });
  const saved = await updateContract(ctx.db, {
    id: c.id,
    rowVersion: input.rowVersion,
    values: {
      status: 'ended',
      endOn: input.endOn,
      endOutcome: input.outcome,
      endReason: input.reason,
      endedByParty: input.party,
      updatedAt: ctx.now,
    },
  });
  if (!saved) throw staleContract();
  await insertEvent(ctx.db, {
    contractId: c.id,
    event: 'ended',
    occurredOn: input.endOn,
    note: input.reason,
    party: input.party,
    userId: ctx.actor.userId,
    at: ctx.now,
  });
  await closeSlidingReviewTask(ctx, c.id);
  await audit(ctx.db, ctx.actor, {
    action: 'lease.end',
    entityType: 'occupancy_contract',
    entityId: c.id,
    householdId: c.householdId,
    details: { kind: c.kind, on: input.endOn, outcome: input.outcome, party: input.party },
  });
}

export async function endContract(ctx: Context, input: EndInput & { id: string }): Promise<TContract> {
  const readable = await requireContractAction(ctx, input.id, 'manage_contract', 'end');
  await applyEnd(ctx, readable, input);
  return contractAnswer(ctx, input.id);
}
