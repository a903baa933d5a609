import type { Context } from '../../../kernel/context.ts';
import type { THouseholdSaved } from '../../../shared/contracts/households.ts';
import type { HouseholdPart } from '../../../shared/households/registry.ts';
import { withRowRemoved } from '../household-input.ts';
import { loadForRow } from '../household-rows.ts';
import { saveHouseholdSnapshot } from '../save-household.ts';

/** Removes one row of a list of the file; the version's diff keeps what it held. */
export async function removeHouseholdRow(
  ctx: Context,
  part: HouseholdPart,
  input: { householdId: string; rowId: string; version: number },
): Promise<THouseholdSaved> {
  const loaded = await loadForRow(ctx, part, input);
  return saveHouseholdSnapshot(ctx, loaded, withRowRemoved(loaded.before, part, input.rowId), input.rowId);
}
