import { invalid } from '../../../kernel/errors.ts';
import type { TReferralAccept } from '../../../shared/contracts/referrals.ts';
import { canBeAssignedCaseworker } from '../../../shared/access/referral-policy.ts';
import { addParty } from '../../households/index.ts';
import { memberRoles, userName, type ReferralRow } from '../referrals.repository.ts';
import { applyTransition, requireDecidable, type ReferralActionRequest } from '../referral-transition.ts';

/**
 * The receiving association takes the household on: it names the référent, one of its own
 * caseworkers, and becomes a party to the household file on the basis of this referral.
 */
export async function acceptReferral(request: ReferralActionRequest<TReferralAccept>): Promise<ReferralRow> {
  const { tx, actor, input, now } = request;
  const referral = await requireDecidable(request, 'accept');
  const roles = await memberRoles(tx, input.caseworkerUserId, referral.toOrganisationId);
  const caseworker = await userName(tx, input.caseworkerUserId);
  if (!canBeAssignedCaseworker(roles) || !caseworker) {
    throw invalid({ caseworkerUserId: 'Choisissez un travailleur social de votre organisation.' });
  }
  const updated = await applyTransition(tx, {
    actor,
    referral,
    action: 'accept',
    now,
    set: { assignedCaseworkerUserId: caseworker.id, decidedAt: now, decidedByUserId: actor.userId },
    eventDetail: { caseworkerUserId: caseworker.id, caseworkerName: caseworker.name },
  });
  await addParty(tx, {
    householdId: referral.householdId,
    organisationId: referral.toOrganisationId,
    basis: 'referral_accepted',
    sourceId: referral.id,
    caseworkerUserId: caseworker.id,
    at: now,
  });
  return updated;
}
