import { audit } from '../../../kernel/audit.ts';
import type { Context } from '../../../kernel/context.ts';
import type { TReferralDetail } from '../../../shared/contracts/referrals.ts';
import { allowedReferralActions, referralSide } from '../../../shared/access/referral-policy.ts';
import {
  findReferralListRow,
  householdSummary,
  listContactAttempts,
  listReferralEvents,
  referralAgreement,
  reportedArrears,
  userName,
} from '../referrals.repository.ts';
import { evictionProcedureOf } from '../../households/index.ts';
import { presentReferralDetail } from '../referrals.presenter.ts';
import { requireReadableReferral } from '../referral-transition.ts';

/**
 * A referral as one of its two sides sees it. The receiving association reads the household
 * summary (names, size, address, contact) before accepting, while not yet a party to the file:
 * it needs it to decide. The read is audited against the household, like any file read.
 */
export async function getReferral(ctx: Context, referralId: string): Promise<TReferralDetail> {
  const { db, actor } = ctx;
  const referral = await requireReadableReferral(ctx, referralId);
  const side = referralSide(actor, referral)!;
  const [
    row,
    household,
    arrears,
    evictionProcedure,
    householdAgreement,
    events,
    contactAttempts,
    fromUser,
    decidedBy,
  ] = await Promise.all([
    findReferralListRow(db, referral.id),
    householdSummary(db, referral.householdId),
    // The facts the referral reported live in the household's file: read there, as they stand.
    reportedArrears(db, referral.arrearsDebtId),
    evictionProcedureOf(db, referral.householdId),
    referralAgreement(db, referral.agreementConsentId),
    listReferralEvents(db, referral.id),
    listContactAttempts(db, referral.id),
    userName(db, referral.fromUserId),
    userName(db, referral.decidedByUserId),
  ]);
  await audit(db, actor, {
    action: 'referral.read',
    entityType: 'referral',
    entityId: referral.id,
    householdId: referral.householdId,
    details: { side },
  });
  return presentReferralDetail({
    row,
    side,
    fromUser,
    decidedBy,
    household,
    facts: { arrears, evictionProcedure, householdAgreement },
    events,
    contactAttempts,
    allowedActions: allowedReferralActions(actor, referral),
  });
}
