import type { Context } from '../../../kernel/context.ts';
import type { THouseholdSaved, THouseholdUpdate } from '../../../shared/contracts/households.ts';
import { snapshotToSave } from '../household-input.ts';
import { loadFileToChange, saveHouseholdSnapshot } from '../save-household.ts';

/**
 * Saves the whole file (the form) at the version the writer read (else VERSION_CONFLICT). Rows
 * sent with their id keep it; rows without one are new; rows left out are removed. A failure
 * anywhere leaves the previous version whole (the caller's transaction).
 */
export async function updateHousehold(
  ctx: Context,
  input: THouseholdUpdate & { householdId: string },
): Promise<THouseholdSaved> {
  const loaded = await loadFileToChange(ctx, input.householdId, input.version);
  const after = snapshotToSave(input, loaded.before, loaded.level, ctx.now);
  return saveHouseholdSnapshot(ctx, loaded, after);
}
