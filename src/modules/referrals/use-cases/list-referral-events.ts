import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TReferralEventList } from '../../../shared/contracts/referrals.ts';
import { listReferralEvents } from '../referrals.repository.ts';
import { presentReferralEvent } from '../referrals.presenter.ts';
import { requireReadableReferral } from '../referral-transition.ts';

/** The timeline, the same for both sides (contact notes are not in it). */
export async function listReferralTimeline(ctx: Context, referralId: string): Promise<TReferralEventList> {
  const referral = await requireReadableReferral(ctx, referralId);
  const events = await listReferralEvents(ctx.db, referral.id);
  await audit(ctx.db, ctx.actor, {
    action: 'referral.events.read',
    entityType: 'referral',
    entityId: referral.id,
    householdId: referral.householdId,
  });
  return { items: events.map(presentReferralEvent) };
}
