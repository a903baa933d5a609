import type { Context } from '../../../kernel/context.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { THouseholdAuditEntry } from '../../../shared/contracts/households.ts';
import { canReadHouseholdAudit } from '../../../shared/access/household-access.ts';
import { householdAuditRows } from '../households.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** Who read or changed the file, when and from where (caseworker level only). */
export async function listHouseholdAudit(ctx: Context, householdId: string): Promise<THouseholdAuditEntry[]> {
  const level = await requireHouseholdAccess(ctx, householdId);
  if (!canReadHouseholdAudit(level))
    throw forbidden("Le journal d'accès du dossier est réservé au référent.");
  const rows = await householdAuditRows(ctx.db, householdId);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
