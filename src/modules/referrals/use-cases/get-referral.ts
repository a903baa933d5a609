import type { Actor } from '../../../kernel/actor.ts';
import type { Tx } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TReferralDetail } from '../../../shared/contracts/referrals.ts';
import { allowedReferralActions, referralSide } from '../../../shared/access/referral-policy.ts';
import {
  findReferralListRow,
  householdSummary,
  listContactAttempts,
  listReferralEvents,
  userName,
} from '../referrals.repository.ts';
import { presentReferralDetail } from '../referrals.presenter.ts';
import { requireReadableReferral } from '../referral-transition.ts';

/**
 * A referral as one of its two sides sees it. The receiving association reads the household
 * summary (names, size, address, contact) before accepting, while not yet a party to the file:
 * it needs it to decide. The read is audited against the household, like any file read.
 */
export async function getReferral(options: {
  tx: Tx;
  actor: Actor;
  referralId: string;
}): Promise<TReferralDetail> {
  const { tx, actor } = options;
  const referral = await requireReadableReferral(tx, actor, options.referralId);
  const side = referralSide(actor, referral)!;
  const [row, household, events, contactAttempts, fromUser, decidedBy] = await Promise.all([
    findReferralListRow(tx, referral.id),
    householdSummary(tx, referral.householdId),
    listReferralEvents(tx, referral.id),
    listContactAttempts(tx, referral.id),
    userName(tx, referral.fromUserId),
    userName(tx, referral.decidedByUserId),
  ]);
  await audit(tx, actor, {
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
    events,
    contactAttempts,
    allowedActions: allowedReferralActions(actor, referral),
  });
}
