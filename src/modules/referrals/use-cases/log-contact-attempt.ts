import { audit } from '../../../kernel/audit.ts';
import type { Context } from '../../../kernel/context.ts';
import type { TContactAttemptCreate } from '../../../shared/contracts/referrals.ts';
import { insertContactAttempt, insertReferralEvent } from '../referrals.repository.ts';
import { notInFuture, requireActionable } from '../referral-transition.ts';

/**
 * An attempt to reach the household after acceptance (letter, registered letter, home visit,
 * phone). The status does not move; the timeline shows method and outcome to both sides, the note
 * stays with the receiving association.
 */
export async function logContactAttempt(
  ctx: Context,
  input: TContactAttemptCreate & { referralId: string },
): Promise<{ id: string }> {
  const { db, actor, now } = ctx;
  const referral = await requireActionable(ctx, { unverifiedId: input.referralId, action: 'log_contact' });
  const attemptedAt = notInFuture(
    input.attemptedAt,
    now,
    'attemptedAt',
    'Une tentative de contact ne peut pas être datée dans le futur.',
  );
  const id = await insertContactAttempt(db, {
    referralId: referral.id,
    method: input.method,
    outcome: input.outcome,
    attemptedAt,
    note: input.note ?? null,
    userId: actor.userId,
    createdAt: now,
  });
  const detail = { method: input.method, outcome: input.outcome, attemptedAt: attemptedAt.toISOString() };
  await insertReferralEvent(db, {
    referralId: referral.id,
    type: 'contact_attempt',
    at: now,
    userId: actor.userId,
    organisationId: actor.organisationId,
    detail,
  });
  await audit(db, actor, {
    action: 'referral.contact_attempt',
    entityType: 'referral',
    entityId: referral.id,
    householdId: referral.householdId,
    details: { contactAttemptId: id, ...detail },
  });
  return { id };
}
