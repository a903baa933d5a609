import { randomUUID } from 'node:crypto';
import { invalid } from '../../../kernel/errors.ts';
import type { TReferralRedirect } from '../../../shared/contracts/referrals.ts';
import { canReceiveReferral } from '../../../shared/access/referral-policy.ts';
import { addParty } from '../../households/index.ts';
import {
  findOrganisation,
  insertReferral,
  insertReferralEvent,
  type ReferralRow,
} from '../referrals.repository.ts';
import { applyTransition, requireDecidable, type ReferralActionRequest } from '../referral-transition.ts';
import { notifyReceivedReferral } from './create-referral.ts';

/**
 * The receiving association sends the referral on to another association better placed to help.
 * This referral ends as `redirected`; a new one, with the same content and the same referring
 * organisation, lands in the other association's inbox.
 */
export async function redirectReferral(
  request: ReferralActionRequest<TReferralRedirect>,
): Promise<ReferralRow> {
  const { tx, actor, input, now } = request;
  const referral = await requireDecidable(request, 'redirect');
  const target = await findOrganisation(tx, input.toOrganisationId);
  if (
    !target ||
    !target.active ||
    !canReceiveReferral(target.type) ||
    target.id === referral.toOrganisationId ||
    target.id === referral.fromOrganisationId
  ) {
    throw invalid({ toOrganisationId: 'Choisissez une autre association destinataire.' });
  }

  const newId = randomUUID();
  const updated = await applyTransition(tx, {
    actor,
    referral,
    action: 'redirect',
    now,
    set: { redirectedToReferralId: newId, decidedAt: now, decidedByUserId: actor.userId },
    eventDetail: {
      reason: input.reason,
      toOrganisationId: target.id,
      toOrganisationName: target.name,
      newReferralId: newId,
    },
  });
  const created = await insertReferral(tx, {
    id: newId,
    kind: referral.kind,
    householdId: referral.householdId,
    fromOrganisationId: referral.fromOrganisationId,
    fromManagementUnitId: referral.fromManagementUnitId,
    fromUserId: referral.fromUserId,
    toOrganisationId: target.id,
    reasons: referral.reasons,
    arrearsAmountCents: referral.arrearsAmountCents,
    arrearsMonths: referral.arrearsMonths,
    evictionStage: referral.evictionStage,
    readyToLeave: referral.readyToLeave,
    shelteredSince: referral.shelteredSince,
    housingProject: referral.housingProject,
    freeText: referral.freeText,
    redirectedFromReferralId: referral.id,
    createdAt: now,
    updatedAt: now,
  });
  // The referring organisation's access rests on each referral it stands behind.
  await addParty(tx, {
    householdId: referral.householdId,
    organisationId: referral.fromOrganisationId,
    basis: 'referral_made',
    sourceId: newId,
    at: now,
  });
  await insertReferralEvent(tx, {
    referralId: newId,
    type: 'sent',
    at: now,
    userId: actor.userId,
    organisationId: actor.organisationId,
    detail: {
      toOrganisationId: target.id,
      toOrganisationName: target.name,
      redirectedFromReferralId: referral.id,
      redirectedByOrganisationName: actor.organisationName,
      reason: input.reason,
    },
  });
  await notifyReceivedReferral(tx, {
    referral: created,
    fromOrganisationName: actor.organisationName,
    toOrganisationId: target.id,
  });
  return updated;
}
