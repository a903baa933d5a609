import { forbidden } from '../../../kernel/errors.ts';
import type { THouseholdAuditEntry } from '../../../shared/contracts/households.ts';
import { canReadHouseholdAudit } from '../../../shared/access/household-access.ts';
import { householdAuditRows } from '../households.repository.ts';
import type { HouseholdReadRequest } from '../household-read.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** Who read or changed the file, when and from where (caseworker level only). */
export async function listHouseholdAudit({
  q,
  actor,
  householdId,
  now,
}: HouseholdReadRequest): Promise<THouseholdAuditEntry[]> {
  const level = await requireHouseholdAccess({ db: q, actor, now }, householdId);
  if (!canReadHouseholdAudit(level))
    throw forbidden("Le journal d'accès du dossier est réservé au référent.");
  const rows = await householdAuditRows(q, householdId);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
