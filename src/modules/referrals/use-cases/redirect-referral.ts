import { randomUUID } from 'node:crypto';
import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TReferralRedirect, TReferralTransitionResult } from '../../../shared/contracts/referrals.ts';
import { canReceiveReferral } from '../../../shared/access/referral-policy.ts';
import { addParty } from '../../households/index.ts';
import { findOrganisation, insertReferral, insertReferralEvent } from '../referrals.repository.ts';
import { presentTransition } from '../referrals.presenter.ts';
import { applyTransition, requireActionable } from '../referral-transition.ts';
import { notifyReceivedReferral } from './create-referral.ts';

/**
 * The receiving association sends the referral on to another association better placed to help.
 * This referral ends as `redirected`; a new one, with the same content and the same referring
 * organisation, lands in the other association's inbox.
 */
export async function redirectReferral(
  ctx: Context,
  input: TReferralRedirect & { referralId: string },
): Promise<TReferralTransitionResult> {
  const { db, actor, now } = ctx;
  const referral = await requireActionable(ctx, {
    unverifiedId: input.referralId,
    action: 'redirect',
    version: input.version,
  });
  const target = await findOrganisation(db, input.toOrganisationId);
  if (
    !target ||
    !target.active ||
    !canReceiveReferral(referral.kind, target.type) ||
    target.id === referral.toOrganisationId ||
    target.id === referral.fromOrganisationId
  ) {
    throw invalid({ toOrganisationId: 'Choisissez une autre association destinataire.' });
  }

  const newId = randomUUID();
  const updated = await applyTransition(ctx, {
    referral,
    action: 'redirect',
    set: { redirectedToReferralId: newId, decidedAt: now, decidedByUserId: actor.userId },
    eventDetail: {
      reason: input.reason,
      toOrganisationId: target.id,
      toOrganisationName: target.name,
      newReferralId: newId,
    },
  });
  const created = await insertReferral(db, {
    id: newId,
    kind: referral.kind,
    householdId: referral.householdId,
    fromOrganisationId: referral.fromOrganisationId,
    fromManagementUnitId: referral.fromManagementUnitId,
    fromUserId: referral.fromUserId,
    toOrganisationId: target.id,
    reasons: referral.reasons,
    arrearsDebtId: referral.arrearsDebtId,
    agreementConsentId: referral.agreementConsentId,
    readyToLeave: referral.readyToLeave,
    shelteredSince: referral.shelteredSince,
    housingProject: referral.housingProject,
    freeText: referral.freeText,
    redirectedFromReferralId: referral.id,
    createdAt: now,
    updatedAt: now,
  });
  // The referring organisation's access rests on each referral it stands behind.
  await addParty(db, {
    householdId: referral.householdId,
    organisationId: referral.fromOrganisationId,
    basis: 'referral_made',
    sourceId: newId,
    consentId: referral.agreementConsentId,
    at: now,
  });
  await insertReferralEvent(db, {
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
  await notifyReceivedReferral(db, {
    referral: created,
    fromOrganisationName: actor.organisationName,
    toOrganisationId: target.id,
  });
  return presentTransition(updated);
}
