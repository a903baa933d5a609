import type { Context } from '../../../kernel/context.ts';
import type { THouseholdVersion } from '../../../shared/contracts/households.ts';
import { referencedIds } from '../../../shared/households/display.ts';
import { presentHistory, visibleChanges } from '../household.presenter.ts';
import { householdChangeRows, referenceNames } from '../households.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';
import { auditTabRead } from '../read-audit.ts';

/** The file's versions in words, each diff cut to what the reader's level may see. */
export async function getHouseholdHistory(ctx: Context, householdId: string): Promise<THouseholdVersion[]> {
  const level = await requireHouseholdAccess(ctx, householdId);
  await auditTabRead(ctx, householdId, 'household.history.read', level);
  const rows = await householdChangeRows(ctx.db, householdId);
  // Only the names of what the reader may see are looked up.
  const ids = referencedIds(rows.flatMap((r) => visibleChanges(r.changes, level)));
  return presentHistory(rows, level, await referenceNames(ctx.db, householdId, ids));
}
