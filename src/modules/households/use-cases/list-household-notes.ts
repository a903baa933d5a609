import type { Context } from '../../../kernel/context.ts';
import type { TNote } from '../../../shared/contracts/households.ts';
import { readableSensitivities } from '../../../shared/access/household-fields.ts';
import { noteRows } from '../notes.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';
import { auditTabRead } from '../read-audit.ts';

/** The notes the reader's level covers (a landlord: landlord-visible notes only). */
export async function listHouseholdNotes(ctx: Context, householdId: string): Promise<TNote[]> {
  const level = await requireHouseholdAccess(ctx, householdId);
  await auditTabRead(ctx, householdId, 'household.notes.read', level);
  const rows = await noteRows(ctx.db, householdId, readableSensitivities(level));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
