import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TVisit } from '../../../shared/contracts/permanences.ts';
import { requireOwnVisit } from '../permanence-access.ts';
import { presentVisit } from '../permanence.presenter.ts';
import { userNames } from '../permanences.repository.ts';

/** One visit, for the organisation's social workers; the read is audited. */
export async function getVisit(ctx: Context, visitId: string): Promise<TVisit> {
  const { visit } = await requireOwnVisit(ctx, visitId, 'read_visits');
  await audit(ctx.db, ctx.actor, {
    action: 'permanence.visit.read',
    entityType: 'permanence_visit',
    entityId: visit.id,
    householdId: visit.householdId,
  });
  return presentVisit(visit, await userNames(ctx.db, visit.recordedByUserId ? [visit.recordedByUserId] : []));
}
