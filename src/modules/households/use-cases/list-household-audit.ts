import type { Context } from '../../../kernel/context.ts';
import { forbidden } from '../../../kernel/errors.ts';
import type { THouseholdAuditEntry } from '../../../shared/contracts/households.ts';
import { canReadHouseholdAudit } from '../../../shared/access/household-access.ts';
import { auditActionLabel, auditOrganisationIds, describeAuditEntry } from '../../../shared/audit/actions.ts';
import { householdAuditRows, organisationNames } from '../households.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';
import { auditTabRead } from '../read-audit.ts';

/** Who read or changed the file, when and from where, in words (caseworker level only). */
export async function listHouseholdAudit(ctx: Context, householdId: string): Promise<THouseholdAuditEntry[]> {
  const level = await requireHouseholdAccess(ctx, householdId);
  if (!canReadHouseholdAudit(level))
    throw forbidden("Le journal d'accès du dossier est réservé au référent.");
  await auditTabRead(ctx, householdId, 'household.audit.read', level);
  const rows = await householdAuditRows(ctx.db, householdId);
  const names = {
    organisation: await organisationNames(
      ctx.db,
      rows.flatMap((r) => auditOrganisationIds(r.details)),
    ),
  };
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actionLabel: auditActionLabel(r.action),
    description: describeAuditEntry(r.action, r.details, names),
    userName: r.userName,
    organisationName: r.organisationName,
    ip: r.ip,
  }));
}
