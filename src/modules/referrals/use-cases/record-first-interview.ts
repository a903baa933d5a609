import type { Actor } from '../../../kernel/actor.ts';
import type { Tx } from '../../../kernel/db.ts';
import type { TFirstInterview } from '../../../shared/contracts/referrals.ts';
import type { ReferralRow } from '../referrals.repository.ts';
import { applyTransition, notInFuture, requireActionable } from '../referral-transition.ts';

/** The first interview with the household took place: the support (accompagnement) opens. */
export async function recordFirstInterview(options: {
  tx: Tx;
  actor: Actor;
  referralId: string;
  input: TFirstInterview;
  now: Date;
}): Promise<ReferralRow> {
  const { tx, actor, input, now } = options;
  const referral = await requireActionable(tx, {
    actor,
    unverifiedId: options.referralId,
    action: 'record_first_interview',
    version: input.version,
  });
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
