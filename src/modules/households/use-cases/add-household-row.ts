import type { Context } from '../../../kernel/context.ts';
import type { THouseholdSaved } from '../../../shared/contracts/households.ts';
import type { HouseholdPart } from '../../../shared/households/registry.ts';
import { withRowAdded } from '../household-input.ts';
import { checkRow, completeRow, loadForRow } from '../household-rows.ts';
import { saveHouseholdSnapshot } from '../save-household.ts';

/** Adds one row to a list of the file (a person, a resource, a debt…), at the version read. */
export async function addHouseholdRow(
  ctx: Context,
  part: HouseholdPart,
  input: { householdId: string; version: number; values: object },
): Promise<THouseholdSaved> {
  const loaded = await loadForRow(ctx, part, input);
  const { snapshot, rowId } = withRowAdded(loaded.before, part, completeRow(part, input.values));
  checkRow(ctx, snapshot, part, rowId);
  return saveHouseholdSnapshot(ctx, loaded, snapshot, rowId);
}
