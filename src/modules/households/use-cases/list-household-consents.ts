import { forbidden } from '../../../kernel/errors.ts';
import type { TConsent } from '../../../shared/contracts/households.ts';
import { canManageConsents } from '../../../shared/access/household-access.ts';
import { consentRows } from '../consents.repository.ts';
import type { HouseholdReadRequest } from '../household-read.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** The household's consents, past and present, for the social workers who collect them. */
export async function listHouseholdConsents({
  q,
  actor,
  householdId,
  now,
}: HouseholdReadRequest): Promise<TConsent[]> {
  const level = await requireHouseholdAccess({ db: q, actor, now }, householdId);
  if (!canManageConsents(level))
    throw forbidden('Les accords du ménage sont tenus par les travailleurs sociaux.');
  const today = parisDate(now);
  const rows = await consentRows(q, householdId);
  return rows.map(({ consent: c, organisationName, recordedByName }) => ({
    id: c.id,
    organisationId: c.organisationId,
    organisationName,
    purpose: c.purpose,
    purposeDetail: c.purposeDetail,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    method: c.method,
    witnessName: c.witnessName,
    recordedByName,
    recordedAt: c.recordedAt.toISOString(),
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revocationReason: c.revocationReason,
    active: !c.revokedAt && c.validFrom <= today && (!c.validUntil || c.validUntil >= today),
  }));
}
