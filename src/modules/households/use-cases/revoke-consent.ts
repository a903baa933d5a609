import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, notFound } from '../../../kernel/errors.ts';
import { canManageConsents } from '../../../shared/access/household-access.ts';
import { findConsent, markConsentRevoked } from '../consents.repository.ts';
import { endPartiesFromSource } from '../parties.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/**
 * Revokes a consent: the access it grounded ends now (the organisation's next read answers 404);
 * what that organisation did before stays in the audit log.
 */
export async function revokeConsent({
  tx,
  actor,
  householdId,
  consentId,
  reason,
  now,
}: {
  tx: Queryable;
  actor: Actor;
  householdId: string;
  consentId: string;
  reason: string;
  now: Date;
}): Promise<void> {
  const level = await requireHouseholdAccess({ db: tx, actor, now }, householdId);
  if (!canManageConsents(level))
    throw forbidden('Les accords du ménage sont tenus par les travailleurs sociaux.');
  const consent = await findConsent(tx, householdId, consentId);
  if (!consent) throw notFound('Accord introuvable.');
  if (consent.revokedAt) throw new AppError('INVALID_STATE', 'Cet accord a déjà été retiré.');
  await markConsentRevoked(tx, { consentId, userId: actor.userId, reason, at: now });
  await endPartiesFromSource(tx, {
    householdId,
    sourceId: consentId,
    reason: `Accord retiré : ${reason}`,
    at: now,
  });
  await audit(tx, actor, {
    action: 'household.consent.revoke',
    entityType: 'household_consent',
    entityId: consentId,
    householdId,
    details: { organisationId: consent.organisationId, reason },
  });
}
