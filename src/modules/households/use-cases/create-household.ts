import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, invalid } from '../../../kernel/errors.ts';
import {
  ZConsentTerms,
  ZHouseholdCreate,
  type THouseholdCreateInput,
} from '../../../shared/contracts/households.ts';
import { canCreateHousehold, householdAccessLevel } from '../../../shared/access/household-access.ts';
import { parisDate } from '../../../shared/time.ts';
import { CREATION_SUMMARY, EMPTY_SNAPSHOT, diffSnapshots } from '../household-diff.ts';
import { checkReferences, communeOfAddress, parseOrInvalid, snapshotToSave } from '../household-input.ts';
import {
  insertHousehold,
  insertHouseholdChange,
  saveHouseholdRows,
  saveTenancy,
} from '../households.repository.ts';
import { insertConsentWithParty } from '../consents.repository.ts';
import { addParty, syncLandlordParty } from '../parties.repository.ts';

/**
 * Why the creating organisation may hold the file:
 *  - own_tenant: a landlord opens its own tenant's file (it becomes the dwelling's landlord);
 *  - consent: an association or SIAO records the household's consent to its own organisation;
 *  - referral_made: the referrals module creates the file of a household it refers.
 */
export type CreateHouseholdBasis =
  | { kind: 'own_tenant' }
  | { kind: 'consent'; consent: z.input<typeof ZConsentTerms> }
  | { kind: 'referral_made'; referralId: string };

/**
 * Opens a household file in the caller's transaction: the file and its rows, its tenancy, version 1
 * in the history, the creator's party with its basis, and the audit entry. `file` is checked here
 * with ZHouseholdCreate, so callers outside a route get the same field errors.
 */
export async function createHousehold(
  ctx: Context,
  { file: input, basis }: { file: THouseholdCreateInput; basis: CreateHouseholdBasis },
): Promise<{ id: string }> {
  const { actor, db, now } = ctx;
  if (!canCreateHousehold(actor)) throw forbidden('Votre rôle ne permet pas de créer un dossier ménage.');
  if (basis.kind === 'own_tenant' && actor.organisationType !== 'landlord') {
    throw forbidden('Seul un bailleur peut ouvrir le dossier de son locataire.');
  }
  const file = parseOrInvalid(ZHouseholdCreate, input);
  const consent = basis.kind === 'consent' ? parseOrInvalid(ZConsentTerms, basis.consent) : null;
  if (consent) {
    const today = parisDate(now);
    if (consent.validFrom > today || (consent.validUntil && consent.validUntil < today)) {
      throw invalid({ 'basis.consent.validFrom': "L'accord du ménage doit être en vigueur aujourd'hui." });
    }
  }

  // The level the creator will have once it is a party bounds what it may enter.
  const level = householdAccessLevel(actor, [{ organisationId: actor.organisationId, basis: basis.kind }]);
  if (level === 'none') throw forbidden('Votre rôle ne permet pas de créer un dossier ménage.');
  const snapshot = snapshotToSave(file, EMPTY_SNAPSHOT, level, now);
  if (snapshot.tenancy) {
    // A landlord opening its tenant's file is the lessor; the commune follows the postcode if unique.
    if (basis.kind === 'own_tenant') snapshot.tenancy.landlordOrganisationId = actor.organisationId;
    snapshot.tenancy.communeId ??= await communeOfAddress(db, snapshot.tenancy.address);
  }
  await checkReferences(db, snapshot);

  const household = await insertHousehold(db, snapshot, {
    userId: actor.userId,
    organisationId: actor.organisationId,
    at: now,
  });
  await saveHouseholdRows(db, household.id, EMPTY_SNAPSHOT, snapshot);
  await saveTenancy(db, {
    householdId: household.id,
    tenancyId: null,
    before: null,
    after: snapshot.tenancy,
    today: parisDate(now),
    at: now,
  });
  await insertHouseholdChange(db, {
    householdId: household.id,
    version: 1,
    userId: actor.userId,
    organisationId: actor.organisationId,
    summary: CREATION_SUMMARY,
    changes: diffSnapshots(EMPTY_SNAPSHOT, snapshot),
    at: now,
  });

  const caseworkerUserId = actor.roles.includes('caseworker') ? actor.userId : null;
  if (consent) {
    await insertConsentWithParty(db, {
      householdId: household.id,
      organisationId: actor.organisationId,
      terms: consent,
      actor,
      caseworkerUserId,
      at: now,
    });
  } else if (basis.kind === 'referral_made') {
    await addParty(db, {
      householdId: household.id,
      organisationId: actor.organisationId,
      basis: 'referral_made',
      sourceId: basis.referralId,
      caseworkerUserId,
      at: now,
    });
  }
  // A landlord recording its own tenant's file is a party as such (see syncLandlordParty).
  await syncLandlordParty(db, {
    householdId: household.id,
    before: null,
    after: snapshot.tenancy?.landlordOrganisationId ?? null,
    recordedBy: actor.organisationId,
    at: now,
  });

  await audit(db, actor, {
    action: 'household.create',
    entityType: 'household',
    entityId: household.id,
    householdId: household.id,
    details: { basis: basis.kind, fileNumber: household.fileNumber },
  });
  return { id: household.id };
}
