import type { Context } from '../../../kernel/context.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { TConsent } from '../../../shared/contracts/households.ts';
import { canManageConsents } from '../../../shared/access/household-access.ts';
import { basisIsCurrentOn } from '../../../shared/access/party-rule.ts';
import { parisDate } from '../../../shared/time.ts';
import { consentRows } from '../consents.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';
import { auditTabRead } from '../read-audit.ts';

/** The household's consents, past and present, for the social workers who collect them. */
export async function listHouseholdConsents(ctx: Context, householdId: string): Promise<TConsent[]> {
  const level = await requireHouseholdAccess(ctx, householdId);
  if (!canManageConsents(level))
    throw forbidden('Les accords du ménage sont tenus par les travailleurs sociaux.');
  await auditTabRead(ctx, householdId, 'household.consents.read', level);
  const today = parisDate(ctx.now);
  const rows = await consentRows(ctx.db, householdId);
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
    // The consent grants access exactly when the party it grounds does: the same rule.
    active: basisIsCurrentOn(
      { endedAt: c.revokedAt, validFrom: c.validFrom, validUntil: c.validUntil },
      today,
    ),
  }));
}
