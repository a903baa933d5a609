import type { Context } from '../../../kernel/context.ts';
import type { THouseholdSaved } from '../../../shared/contracts/households.ts';
import type { HouseholdPart } from '../../../shared/households/registry.ts';
import { withRowChanged } from '../household-input.ts';
import { changedFields, checkRow, loadForRow } from '../household-rows.ts';
import { saveHouseholdSnapshot } from '../save-household.ts';

/** Changes the fields a body sends on one row of a list of the file, at the version read. */
export async function changeHouseholdRow(
  ctx: Context,
  part: HouseholdPart,
  input: { householdId: string; rowId: string; version: number; values: object },
): Promise<THouseholdSaved> {
  const loaded = await loadForRow(ctx, part, input);
  const after = withRowChanged(loaded.before, part, input.rowId, changedFields(part, input.values));
  checkRow(ctx, after, part, input.rowId);
  return saveHouseholdSnapshot(ctx, loaded, after, input.rowId);
}
