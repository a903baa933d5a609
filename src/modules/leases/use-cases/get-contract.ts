import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TContract } from '../../../shared/contracts/leases.ts';
import { householdLevelOf, requireReadableContract } from '../lease-access.ts';
import { presentContract } from '../lease.presenter.ts';
import { contractDocuments, contractEvents, findContract, roundEvaluations } from '../leases.repository.ts';

/** The contract as the actor may read it now (after a change, in the same transaction). */
export async function contractAnswer(ctx: Context, id: string): Promise<TContract> {
  const row = (await findContract(ctx.db, id))!;
  const review = row.contract.slidingReviewOn;
  const [events, documents, evaluations, householdLevel] = await Promise.all([
    contractEvents(ctx.db, id),
    contractDocuments(ctx.db, id),
    review ? roundEvaluations(ctx.db, id, review) : [],
    householdLevelOf(ctx, row.contract.householdId),
  ]);
  return presentContract(row, { events, documents, evaluations }, { actor: ctx.actor, householdLevel });
}

/** One contract, for its parties and the household's readers; the read is audited. */
export async function getContract(ctx: Context, id: string): Promise<TContract> {
  const { row } = await requireReadableContract(ctx, id);
  await audit(ctx.db, ctx.actor, {
    action: 'lease.read',
    entityType: 'occupancy_contract',
    entityId: id,
    householdId: row.contract.householdId,
    details: { kind: row.contract.kind },
  });
  return contractAnswer(ctx, id);
}
