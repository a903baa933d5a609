import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid, notFound, versionConflict } from '../../../kernel/errors.ts';
import type { TAid, ZAidPayment } from '../../../shared/contracts/housing-aids.ts';
import { afterPayment, aidPaymentErrors } from '../../../shared/housing-aids/rules.ts';
import { parisDate } from '../../../shared/time.ts';
import { postAidCredit } from '../../rent-accounts/index.ts';
import { requireAidManager } from '../aid-access.ts';
import { viewAid } from '../aid-view.ts';
import { aidAuditDetails, creditLabel } from '../housing-aids.presenter.ts';
import { findAid, insertAidEvent, updateAid } from '../housing-aids.repository.ts';
import { AID_NOT_FOUND } from './decide-aid.ts';

/**
 * Records a payment of a granted aid (never beyond the amount granted). Paid to a rent account, the
 * payment is posted there as a credit in the same transaction: both land, or neither.
 */
export async function payAid(
  ctx: Context,
  input: z.output<typeof ZAidPayment> & { householdId: string; aidId: string },
): Promise<TAid> {
  const { db, actor } = ctx;
  await requireAidManager(ctx, input.householdId);
  const aid = await findAid(db, input.householdId, input.aidId);
  if (!aid) throw notFound(AID_NOT_FOUND);
  const payment = { paidOn: input.paidOn, amountCents: input.amountCents };
  const errors = aidPaymentErrors(aid, payment, parisDate(ctx.now));
  if (Object.keys(errors).length > 0) throw invalid(errors);
  const next = afterPayment(aid, payment);
  const row = await updateAid(db, {
    id: aid.id,
    rowVersion: input.rowVersion,
    at: ctx.now,
    values: { status: next.status, amountPaidCents: next.amountPaidCents, lastPaidOn: next.lastPaidOn },
  });
  if (!row) throw versionConflict();
  await insertAidEvent(db, {
    aidId: aid.id,
    status: 'paid',
    occurredOn: input.paidOn,
    amountCents: input.amountCents,
    recordedByUserId: actor.userId,
    recordedAt: ctx.now,
  });
  if (row.payee === 'rent_account' && row.contractId)
    await postAidCredit(ctx, {
      contractId: row.contractId,
      on: input.paidOn,
      amountCents: input.amountCents,
      label: creditLabel(row),
    });
  await audit(db, actor, {
    action: 'housing_aid.pay',
    entityType: 'housing_aid',
    entityId: aid.id,
    householdId: input.householdId,
    details: aidAuditDetails(row, { amountCents: input.amountCents, paidOn: input.paidOn }),
  });
  await ctx.householdChanged?.(input.householdId);
  return viewAid(db, input.householdId, aid.id, parisDate(ctx.now));
}
