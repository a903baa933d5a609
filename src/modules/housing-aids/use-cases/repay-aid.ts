import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, notFound } from '../../../kernel/errors.ts';
import type { TAid, ZAidRepayment } from '../../../shared/contracts/housing-aids.ts';
import { aidRepaymentErrors } from '../../../shared/housing-aids/rules.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireAidManager } from '../aid-access.ts';
import { viewAid } from '../aid-view.ts';
import { aidAuditDetails } from '../housing-aids.presenter.ts';
import { findAid, insertRepayment, repaymentsOf } from '../housing-aids.repository.ts';
import { AID_NOT_FOUND } from './decide-aid.ts';

/**
 * Records a repayment of a loan paid out (never beyond what was lent). The aid is locked meanwhile,
 * so that two repayments recorded at once cannot pass the total; the household's alerts are
 * recomputed (a missed instalment caught up closes its task).
 */
export async function repayAid(
  ctx: Context,
  input: z.output<typeof ZAidRepayment> & { householdId: string; aidId: string },
): Promise<TAid> {
  const { db, actor } = ctx;
  await requireAidManager(ctx, input.householdId);
  const aid = await findAid(db, input.householdId, input.aidId, { lock: true });
  if (!aid) throw notFound(AID_NOT_FOUND);
  const repaid = (await repaymentsOf(db, [aid.id])).reduce((s, r) => s + r.amountCents, 0);
  const repayment = { paidOn: input.paidOn, amountCents: input.amountCents };
  const errors = aidRepaymentErrors(aid, repaid, repayment, parisDate(ctx.now));
  if (Object.keys(errors).length > 0) throw invalid(errors);
  await insertRepayment(db, {
    aidId: aid.id,
    ...repayment,
    recordedByUserId: actor.userId,
    recordedAt: ctx.now,
  });
  await audit(db, actor, {
    action: 'housing_aid.repay',
    entityType: 'housing_aid',
    entityId: aid.id,
    householdId: input.householdId,
    details: aidAuditDetails(aid, repayment),
  });
  await ctx.householdChanged?.(input.householdId);
  return viewAid(db, input.householdId, aid.id, parisDate(ctx.now));
}
