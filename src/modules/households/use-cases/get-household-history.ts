import type { Context } from '../../../kernel/context.ts';
import type { THouseholdVersion } from '../../../shared/contracts/households.ts';
import { presentHistory } from '../household.presenter.ts';
import { householdChangeRows } from '../households.repository.ts';
import { requireHouseholdAccess } from '../access-guard.ts';

/** The file's versions, each diff cut to what the reader's level may see. */
export async function getHouseholdHistory(ctx: Context, householdId: string): Promise<THouseholdVersion[]> {
  const level = await requireHouseholdAccess(ctx, householdId);
  return presentHistory(await householdChangeRows(ctx.db, householdId), level);
}
