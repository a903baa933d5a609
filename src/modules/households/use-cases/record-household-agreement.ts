import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { ConsentMethod } from '../../../shared/contracts/household-enums.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireHouseholdAccess } from '../access-guard.ts';
import { insertConsentWithParty } from '../consents.repository.ts';
import { restPartiesOnConsent } from '../parties.repository.ts';

/**
 * The household's agreement to a step another module takes in its name (a referral), recorded as
 * a consent to the acting organisation for that purpose: how, when, before whom. Whoever takes the
 * step records it, whatever its level on the file.
 */
export async function recordHouseholdAgreement(
  ctx: Context,
  input: {
    householdId: string;
    /** The step agreed to (a referral's id): the accesses it grounds rest from now on the agreement. */
    stepId: string;
    purposeDetail: string;
    method: ConsentMethod;
    givenOn: string;
    witnessName?: string | null;
  },
): Promise<{ id: string }> {
  const { actor, db, now } = ctx;
  await requireHouseholdAccess(ctx, input.householdId);
  if (input.givenOn > parisDate(now)) {
    throw invalid({ 'householdAgreement.givenOn': 'L’accord ne peut pas être daté dans le futur.' });
  }
  const id = await insertConsentWithParty(db, {
    householdId: input.householdId,
    organisationId: actor.organisationId,
    terms: {
      purpose: 'referral',
      purposeDetail: input.purposeDetail,
      validFrom: input.givenOn,
      validUntil: null,
      method: input.method,
      witnessName: input.witnessName ?? null,
    },
    actor,
    caseworkerUserId: null,
    at: now,
  });
  await restPartiesOnConsent(db, { householdId: input.householdId, sourceId: input.stepId, consentId: id });
  await audit(db, actor, {
    action: 'household.consent.record',
    entityType: 'household_consent',
    entityId: id,
    householdId: input.householdId,
    details: { organisationId: actor.organisationId, purpose: 'referral', method: input.method },
  });
  return { id };
}
