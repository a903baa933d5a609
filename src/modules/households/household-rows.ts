import type { Context } from '../../kernel/context.ts';
import { forbidden, invalid } from '../../kernel/errors.ts';
import { HOUSEHOLD_PARTS, type HouseholdPart } from '../../shared/households/registry.ts';
import { parisDate } from '../../shared/time.ts';
import type { HouseholdSnapshot, PartRow } from './household-diff.ts';
import { canWritePart, rowIssues } from './household-input.ts';
import { loadFileToChange, type FileToChange } from './save-household.ts';

/** A row's values as a body gives them: every field of the part, absent ones empty. */
export const completeRow = <P extends HouseholdPart>(part: P, values: object): PartRow<P>['values'] =>
  Object.fromEntries(
    Object.keys(HOUSEHOLD_PARTS[part].fields).map((k) => [k, (values as Record<string, unknown>)[k] ?? null]),
  ) as PartRow<P>['values'];

/** The fields a body changes (the keys it sends), empty strings of optional texts made null. */
export const changedFields = <P extends HouseholdPart>(
  part: P,
  values: object,
): Partial<PartRow<P>['values']> =>
  Object.fromEntries(
    Object.entries(values).filter(([k, v]) => k in HOUSEHOLD_PARTS[part].fields && v !== undefined),
  ) as Partial<PartRow<P>['values']>;

/** The file a row is written into: loaded at the version read, writable by the writer's level. */
export async function loadForRow(
  ctx: Context,
  part: HouseholdPart,
  input: { householdId: string; version: number },
): Promise<FileToChange> {
  const loaded = await loadFileToChange(ctx, input.householdId, input.version);
  if (!canWritePart(loaded.level, part)) {
    throw forbidden(`Vous ne pouvez pas modifier « ${HOUSEHOLD_PARTS[part].label} ».`);
  }
  return loaded;
}

/** The row's cross-field rules, checked on the row as it will be saved. */
export function checkRow<P extends HouseholdPart>(
  ctx: Context,
  after: HouseholdSnapshot,
  part: P,
  rowId: string,
): void {
  const row = (after[part] as PartRow<P>[]).find((r) => r.id === rowId);
  if (!row) return;
  const issues = rowIssues(after, part, row.values, parisDate(ctx.now));
  if (Object.keys(issues).length > 0) throw invalid(issues);
}
