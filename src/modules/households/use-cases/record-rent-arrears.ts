import type { Context } from '../../../kernel/context.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { THouseholdSaved } from '../../../shared/contracts/households.ts';
import { requireHouseholdAccess } from '../access-guard.ts';
import type { PartRow } from '../household-diff.ts';
import { withRowAdded, withRowChanged } from '../household-input.ts';
import { snapshotOf, unsafeLoadHouseholdFile } from '../households.repository.ts';
import { saveHouseholdSnapshot } from '../save-household.ts';

/**
 * The rent arrears a landlord reports (in a referral) become the household's rent-arrears debt
 * toward that creditor: created, or brought up to date if it exists. The landlord informs the file
 * this way without the right to edit it; the change is versioned and audited like any other.
 */
export async function recordRentArrears(
  ctx: Context,
  input: { householdId: string; creditor: string; amountCents: number; unpaidMonths: number | null },
): Promise<THouseholdSaved> {
  const level = await requireHouseholdAccess(ctx, input.householdId);
  const file = await unsafeLoadHouseholdFile(ctx.db, input.householdId);
  if (!file) throw notFound('Dossier introuvable.');
  const before = snapshotOf(file);
  const existing = before.debts.find(
    (d) => d.values.kind === 'rent_arrears' && d.values.creditor === input.creditor,
  );
  const reported = { amountCents: input.amountCents, unpaidMonths: input.unpaidMonths };
  const values: PartRow<'debts'>['values'] = {
    kind: 'rent_arrears',
    startDate: null,
    creditor: input.creditor,
    repaymentPlan: false,
    note: null,
    ...reported,
  };
  const after = existing
    ? { snapshot: withRowChanged(before, 'debts', existing.id, reported), rowId: existing.id }
    : withRowAdded(before, 'debts', values);
  return saveHouseholdSnapshot(ctx, { level, file, before }, after.snapshot, after.rowId);
}
