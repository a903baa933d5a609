import type { Context } from '../../../kernel/context.ts';
import type { TReferralDecline, TReferralTransitionResult } from '../../../shared/contracts/referrals.ts';
import { presentTransition } from '../referrals.presenter.ts';
import { applyTransition, requireActionable } from '../referral-transition.ts';

/** The receiving association declines, saying why; the referring side reads the reason. */
export async function declineReferral(
  ctx: Context,
  input: TReferralDecline & { referralId: string },
): Promise<TReferralTransitionResult> {
  const referral = await requireActionable(ctx, {
    unverifiedId: input.referralId,
    action: 'decline',
    version: input.version,
  });
  const updated = await applyTransition(ctx, {
    referral,
    action: 'decline',
    set: { declineReason: input.reason, decidedAt: ctx.now, decidedByUserId: ctx.actor.userId },
    eventDetail: { reason: input.reason },
  });
  return presentTransition(updated);
}
