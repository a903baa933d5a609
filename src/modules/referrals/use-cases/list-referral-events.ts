import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import type { TReferralEventList } from '../../../shared/contracts/referrals.ts';
import { listReferralEvents } from '../referrals.repository.ts';
import { presentReferralEvent } from '../referrals.presenter.ts';
import { requireReadableReferral } from '../referral-transition.ts';

/** The timeline, the same for both sides (contact notes are not in it). */
export async function listReferralTimeline(options: {
  q: Queryable;
  actor: Actor;
  referralId: string;
}): Promise<TReferralEventList> {
  const referral = await requireReadableReferral(options.q, options.actor, options.referralId);
  const events = await listReferralEvents(options.q, referral.id);
  return { items: events.map(presentReferralEvent) };
}
