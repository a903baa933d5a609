import { forbidden } from '../../../kernel/errors.ts';
import type { THouseholdAuditEntry } from '../../../shared/contracts/households.ts';
import { canReadHouseholdAudit } from '../../../shared/policy/household-access.ts';
import { householdAuditRows } from '../households.repository.ts';
import type { HouseholdReadRequest } from '../household-read.ts';
import { requireHouseholdAccess } from '../parties.repository.ts';

/** Who read or changed the file, when and from where (caseworker level only). */
export async function listHouseholdAudit({
  q,
  actor,
  householdId,
  now,
}: HouseholdReadRequest): Promise<THouseholdAuditEntry[]> {
  const level = await requireHouseholdAccess(q, actor, householdId, now);
  if (!canReadHouseholdAudit(level))
    throw forbidden("Le journal d'accès du dossier est réservé au référent.");
  const rows = await householdAuditRows(q, householdId);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
