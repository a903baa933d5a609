import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError, forbidden, notFound } from '../../../kernel/errors.ts';
import { canManageConsents } from '../../../shared/access/household-access.ts';
import { findConsent, markConsentRevoked } from '../consents.repository.ts';
import { endPartiesRestingOn } from '../parties.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/**
 * Revokes a consent: every access it grounded ends now — the consent's own, and that of the
 * referrals the household agreed to with it, on both sides — while other bases (a landlord's own
 * tenant) remain; the next read of an organisation left without one answers 404. What was done
 * before stays in the audit log.
 */
export async function revokeConsent(
  ctx: Context,
  input: { householdId: string; consentId: string; reason: string },
): Promise<void> {
  const { actor, db, now } = ctx;
  const { householdId, consentId, reason } = input;
  const level = await requireHouseholdAccess(ctx, householdId);
  if (!canManageConsents(level))
    throw forbidden('Les accords du ménage sont tenus par les travailleurs sociaux.');
  const consent = await findConsent(db, householdId, consentId);
  if (!consent) throw notFound('Accord introuvable.');
  if (consent.revokedAt) throw new AppError('INVALID_STATE', 'Cet accord a déjà été retiré.');
  await markConsentRevoked(db, { consentId, userId: actor.userId, reason, at: now });
  await endPartiesRestingOn(db, {
    householdId,
    consentId,
    reason: `Accord retiré : ${reason}`,
    at: now,
  });
  await audit(db, actor, {
    action: 'household.consent.revoke',
    entityType: 'household_consent',
    entityId: consentId,
    householdId,
    details: { organisationId: consent.organisationId, reason },
  });
}
