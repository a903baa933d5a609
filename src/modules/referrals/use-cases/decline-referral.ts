import type { TReferralDecline } from '../../../shared/contracts/referrals.ts';
import type { ReferralRow } from '../referrals.repository.ts';
import { applyTransition, requireDecidable, type ReferralActionRequest } from '../referral-transition.ts';

/** The receiving association declines, saying why; the referring side reads the reason. */
export async function declineReferral(
  request: ReferralActionRequest<TReferralDecline>,
): Promise<ReferralRow> {
  const { tx, actor, input, now } = request;
  const referral = await requireDecidable(request, 'decline');
  const updated = await applyTransition(tx, {
    actor,
    referral,
    action: 'decline',
    now,
    set: { declineReason: input.reason, decidedAt: now, decidedByUserId: actor.userId },
    eventDetail: { reason: input.reason },
  });
  return updated;
}
