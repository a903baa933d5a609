import { audit } from '../../../kernel/audit.ts';
import type { TContactAttemptCreate } from '../../../shared/contracts/referrals.ts';
import { insertContactAttempt, insertReferralEvent } from '../referrals.repository.ts';
import { notInFuture, requireActionable, type ReferralActionRequest } from '../referral-transition.ts';

/**
 * An attempt to reach the household after acceptance (letter, registered letter, home visit,
 * phone). The status does not move; the timeline shows method and outcome to both sides, the note
 * stays with the receiving association.
 */
export async function logContactAttempt(
  request: ReferralActionRequest<TContactAttemptCreate>,
): Promise<{ id: string }> {
  const { tx, actor, input, now } = request;
  const referral = await requireActionable(tx, {
    actor,
    unverifiedId: request.referralId,
    action: 'log_contact',
  });
  const attemptedAt = notInFuture(
    input.attemptedAt,
    now,
    'attemptedAt',
    'Une tentative de contact ne peut pas être datée dans le futur.',
  );
  const id = await insertContactAttempt(tx, {
    referralId: referral.id,
    method: input.method,
    outcome: input.outcome,
    attemptedAt,
    note: input.note ?? null,
    userId: actor.userId,
    createdAt: now,
  });
  const detail = { method: input.method, outcome: input.outcome, attemptedAt: attemptedAt.toISOString() };
  await insertReferralEvent(tx, {
    referralId: referral.id,
    type: 'contact_attempt',
    at: now,
    userId: actor.userId,
    organisationId: actor.organisationId,
    detail,
  });
  await audit(tx, actor, {
    action: 'referral.contact_attempt',
    entityType: 'referral',
    entityId: referral.id,
    householdId: referral.householdId,
    details: { contactAttemptId: id, ...detail },
  });
  return { id };
}
