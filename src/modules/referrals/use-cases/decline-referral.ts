import type { Actor } from '../../../kernel/actor.ts';
import type { Tx } from '../../../kernel/db.ts';
import type { TReferralDecline } from '../../../shared/contracts/referrals.ts';
import type { ReferralRow } from '../referrals.repository.ts';
import { applyTransition, requireActionable } from '../referral-transition.ts';

/** The receiving association declines, saying why; the referring side reads the reason. */
export async function declineReferral(options: {
  tx: Tx;
  actor: Actor;
  referralId: string;
  input: TReferralDecline;
  now: Date;
}): Promise<ReferralRow> {
  const { tx, actor, input, now } = options;
  const referral = await requireActionable(tx, {
    actor,
    unverifiedId: options.referralId,
    action: 'decline',
    version: input.version,
  });
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
