import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TReferralAccept, TReferralTransitionResult } from '../../../shared/contracts/referrals.ts';
import { canBeAssignedCaseworker } from '../../../shared/access/referral-policy.ts';
import { addParty } from '../../households/index.ts';
import { memberRoles, userName } from '../referrals.repository.ts';
import { presentTransition } from '../referrals.presenter.ts';
import { applyTransition, requireActionable } from '../referral-transition.ts';

/**
 * The receiving association takes the household on: it names the référent, one of its own
 * caseworkers, and becomes a party to the household file on the basis of this referral.
 */
export async function acceptReferral(
  ctx: Context,
  input: TReferralAccept & { referralId: string },
): Promise<TReferralTransitionResult> {
  const { db, actor, now } = ctx;
  const referral = await requireActionable(ctx, {
    unverifiedId: input.referralId,
    action: 'accept',
    version: input.version,
  });
  const roles = await memberRoles(db, input.caseworkerUserId, referral.toOrganisationId);
  const caseworker = await userName(db, input.caseworkerUserId);
  if (!canBeAssignedCaseworker(roles) || !caseworker) {
    throw invalid({ caseworkerUserId: 'Choisissez un travailleur social de votre organisation.' });
  }
  const updated = await applyTransition(ctx, {
    referral,
    action: 'accept',
    set: { assignedCaseworkerUserId: caseworker.id, decidedAt: now, decidedByUserId: actor.userId },
    eventDetail: { caseworkerUserId: caseworker.id, caseworkerName: caseworker.name },
  });
  await addParty(db, {
    householdId: referral.householdId,
    organisationId: referral.toOrganisationId,
    basis: 'referral_accepted',
    sourceId: referral.id,
    consentId: referral.agreementConsentId,
    caseworkerUserId: caseworker.id,
    at: now,
  });
  return presentTransition(updated);
}
