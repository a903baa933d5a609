import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import { slideDayProblem, slidLeaseStart } from '../../../shared/leases/contract-rules.ts';
import { requireDwellingFree, staleContract, type ReadableContract } from '../lease-access.ts';
import { insertContract, insertEvent, updateContract } from '../leases.repository.ts';
import { closeSlidingReviewTask } from '../sliding-review-task.ts';

/**
 * What else must happen inside the slide's transaction: the rent-accounts module carries the
 * sublease's balance to the new lease (wired by app.ts, since leases may not import it).
 */
export interface SlideHooks {
  carryBalance?: (
    ctx: Context,
    input: { fromContractId: string; toContractId: string; lastDay: string },
  ) => Promise<unknown>;
}

/**
 * The sliding (glissement), in the caller's one transaction: the sublease ends on its last day D
 * (status ended, outcome and event « slid »), and the household's direct lease with the landlord
 * starts on D + 1 for the same dwelling, following it — no gap, no overlap (checked under the
 * dwelling's lock) — then the hooks run (the sublease's account closed on D, the balance carried to
 * the lease's account opened on D + 1). Returns the new lease's id.
 */
export async function slideContract(
  ctx: Context,
  { row }: ReadableContract,
  input: { rowVersion: number; lastDay: string },
  hooks: SlideHooks,
): Promise<string> {
  const c = row.contract;
  const problem = slideDayProblem(input.lastDay, c);
  if (problem) throw invalid({ on: problem });
  const startOn = slidLeaseStart(input.lastDay);

  const saved = await updateContract(ctx.db, {
    id: c.id,
    rowVersion: input.rowVersion,
    values: { status: 'ended', endOn: input.lastDay, endOutcome: 'slid', updatedAt: ctx.now },
  });
  if (!saved) throw staleContract();
  // The sublease now ends on D: the dwelling must be free from D + 1 for the new lease.
  await requireDwellingFree(ctx, c.dwellingId, { id: '', startOn, endOn: null });
  const leaseId = await insertContract(ctx.db, {
    dwellingId: c.dwellingId,
    kind: 'direct_lease',
    householdId: c.householdId,
    tenantReference: c.tenantReference,
    tenantName: c.tenantName,
    lessorOrganisationId: c.lessorOrganisationId,
    lessorName: c.lessorName,
    lessorKind: c.lessorKind,
    status: 'active',
    signedOn: startOn,
    startOn,
    previousContractId: c.id,
    createdByUserId: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  const event = { userId: ctx.actor.userId, at: ctx.now };
  await insertEvent(ctx.db, { ...event, contractId: c.id, event: 'slid', occurredOn: input.lastDay });
  await insertEvent(ctx.db, { ...event, contractId: leaseId, event: 'slid', occurredOn: startOn });
  await insertEvent(ctx.db, { ...event, contractId: leaseId, event: 'activated', occurredOn: startOn });
  await closeSlidingReviewTask(ctx, c.id);
  await hooks.carryBalance?.(ctx, { fromContractId: c.id, toContractId: leaseId, lastDay: input.lastDay });
  return leaseId;
}
