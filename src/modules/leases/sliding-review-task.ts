import type { Context } from '../../kernel/context.ts';
import { formatDate } from '../../shared/format.ts';
import { OCCUPANCY_KIND_LABELS, type OccupancyKind } from '../../shared/contracts/housing-stock.ts';
import { activeParties } from '../households/index.ts';
import { closeTasksOf, raiseTask } from '../tasks/index.ts';

/**
 * The sliding review of a household's sublease as a task of its file, for the association's worker
 * who follows the household (else the association): one open at a time, moved by a renewal, closed by
 * the decision's end.
 */
export async function raiseSlidingReviewTask(
  ctx: Context,
  contract: {
    id: string;
    kind: OccupancyKind;
    householdId: string | null;
    intermediaryOrganisationId: string | null;
    slidingReviewOn: string | null;
  },
): Promise<void> {
  if (!contract.householdId || !contract.slidingReviewOn || !contract.intermediaryOrganisationId) return;
  const worker = (await activeParties(ctx.db, contract.householdId, ctx.now)).find(
    (p) => p.organisationId === contract.intermediaryOrganisationId && p.caseworkerUserId,
  );
  await raiseTask(ctx.db, {
    householdId: contract.householdId,
    title: `Examen du glissement (${OCCUPANCY_KIND_LABELS[contract.kind].toLowerCase()}) prévu le ${formatDate(contract.slidingReviewOn)} : évaluations des trois parties et décision commune`,
    dueOn: contract.slidingReviewOn,
    ownerUserId: worker?.caseworkerUserId ?? null,
    ownerOrganisationId: contract.intermediaryOrganisationId,
    sourceId: contract.id,
    createdByUserId: ctx.actor.userId,
    createdByOrganisationId: ctx.actor.organisationId,
    at: ctx.now,
  });
}

export const closeSlidingReviewTask = (ctx: Context, contractId: string) =>
  closeTasksOf(ctx.db, { sourceId: contractId, userId: ctx.actor.userId, at: ctx.now });
