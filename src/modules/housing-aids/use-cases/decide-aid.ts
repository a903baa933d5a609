import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, notFound, versionConflict } from '../../../kernel/errors.ts';
import type { TAid, ZAidDecision } from '../../../shared/contracts/housing-aids.ts';
import { aidDecisionErrors } from '../../../shared/housing-aids/rules.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireAidManager } from '../aid-access.ts';
import { viewAid } from '../aid-view.ts';
import { aidAuditDetails } from '../housing-aids.presenter.ts';
import { findAid, insertAidEvent, updateAid } from '../housing-aids.repository.ts';

export const AID_NOT_FOUND = 'Aide introuvable.';

/** Records the funder's decision on a requested aid: granted (with its amount) or refused (with why). */
export async function decideAid(
  ctx: Context,
  input: z.output<typeof ZAidDecision> & { householdId: string; aidId: string },
): Promise<TAid> {
  const { db, actor } = ctx;
  await requireAidManager(ctx, input.householdId);
  const aid = await findAid(db, input.householdId, input.aidId);
  if (!aid) throw notFound(AID_NOT_FOUND);
  const errors = aidDecisionErrors(aid, input, parisDate(ctx.now));
  if (Object.keys(errors).length > 0) throw invalid(errors);
  const granted = input.outcome === 'granted';
  const row = await updateAid(db, {
    id: aid.id,
    rowVersion: input.rowVersion,
    at: ctx.now,
    values: {
      status: input.outcome,
      decidedOn: input.decidedOn,
      amountGrantedCents: granted ? input.amountGrantedCents : null,
      repaymentSchedule: granted ? input.repaymentSchedule : null,
      refusalReason: granted ? null : input.reason,
    },
  });
  if (!row) throw versionConflict();
  await insertAidEvent(db, {
    aidId: aid.id,
    status: input.outcome,
    occurredOn: input.decidedOn,
    amountCents: granted ? input.amountGrantedCents : null,
    note: granted ? null : input.reason,
    recordedByUserId: actor.userId,
    recordedAt: ctx.now,
  });
  await audit(db, actor, {
    action: granted ? 'housing_aid.grant' : 'housing_aid.refuse',
    entityType: 'housing_aid',
    entityId: aid.id,
    householdId: input.householdId,
    details: aidAuditDetails(row, granted ? { amountCents: input.amountGrantedCents } : {}),
  });
  await ctx.householdChanged?.(input.householdId);
  return viewAid(db, input.householdId, aid.id, parisDate(ctx.now));
}
