import type { Context } from '../../../kernel/context.ts';
import type { TDocument } from '../../../shared/contracts/households.ts';
import { readableSensitivities } from '../../../shared/access/household-fields.ts';
import { documentRows } from '../documents.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';
import { auditTabRead } from '../read-audit.ts';

/** The documents the reader's level covers. */
export async function listHouseholdDocuments(ctx: Context, householdId: string): Promise<TDocument[]> {
  const level = await requireHouseholdAccess(ctx, householdId);
  await auditTabRead(ctx, householdId, 'household.documents.read', level);
  const rows = await documentRows(ctx.db, householdId, readableSensitivities(level));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
