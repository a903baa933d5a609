import type { Context } from '../../../kernel/context.ts';
import type { TFirstInterview, TReferralTransitionResult } from '../../../shared/contracts/referrals.ts';
import { presentTransition } from '../referrals.presenter.ts';
import { applyTransition, notInFuture, requireActionable } from '../referral-transition.ts';

/** The first interview with the household took place: the support (accompagnement) opens. */
export async function recordFirstInterview(
  ctx: Context,
  input: TFirstInterview & { referralId: string },
): Promise<TReferralTransitionResult> {
  const referral = await requireActionable(ctx, {
    unverifiedId: input.referralId,
    action: 'record_first_interview',
    version: input.version,
  });
  const at = notInFuture(
    input.at,
    ctx.now,
    'at',
    'Le premier entretien ne peut pas être daté dans le futur.',
  );
  const updated = await applyTransition(ctx, {
    referral,
    action: 'record_first_interview',
    set: { firstInterviewAt: at },
    eventDetail: { at: at.toISOString() },
  });
  return presentTransition(updated);
}
