import type { TFirstInterview } from '../../../shared/contracts/referrals.ts';
import type { ReferralRow } from '../referrals.repository.ts';
import {
  applyTransition,
  notInFuture,
  requireDecidable,
  type ReferralActionRequest,
} from '../referral-transition.ts';

/** The first interview with the household took place: the support (accompagnement) opens. */
export async function recordFirstInterview(
  request: ReferralActionRequest<TFirstInterview>,
): Promise<ReferralRow> {
  const { tx, actor, input, now } = request;
  const referral = await requireDecidable(request, 'record_first_interview');
  const at = notInFuture(input.at, now, 'at', 'Le premier entretien ne peut pas être daté dans le futur.');
  const updated = await applyTransition(tx, {
    actor,
    referral,
    action: 'record_first_interview',
    now,
    set: { firstInterviewAt: at },
    eventDetail: { at: at.toISOString() },
  });
  return updated;
}
