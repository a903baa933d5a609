import type { Context } from '../../../kernel/context.ts';
import { notFound } from '../../../kernel/errors.ts';
import { parisDate } from '../../../shared/time.ts';
import { unsafeLoadHouseholdFile } from '../../households/index.ts';
import { householdBudgetBasis, loadScales, requireBudgetAccess } from '../budget-context.ts';
import { currentEvaluation, sumOf } from '../current-dwelling.ts';

/** The household's budget in its current dwelling, in monthly cents; null where the file says nothing. */
export interface HouseholdBudgetSummary {
  /** Resources counted in the ratios (housing benefit excluded); null when none is entered. */
  monthlyIncomeCents: number | null;
  /** Null when the file lists no expense. */
  monthlyExpensesCents: number | null;
  /** The housing benefit the budget counts (estimated, or else declared); null when none is known. */
  housingBenefitCents: number | null;
  remainingToLiveCents: number | null;
  effortRatePercent: number | null;
}

/**
 * The figures of the budget tab for the current dwelling, for another module to quote (the
 * diagnostic opens with them). No audit entry of its own: the caller's write records the use.
 */
export async function getHouseholdBudgetSummary(
  ctx: Context,
  householdId: string,
): Promise<HouseholdBudgetSummary> {
  const day = parisDate(ctx.now);
  await requireBudgetAccess(ctx, householdId, 'read');
  const file = await unsafeLoadHouseholdFile(ctx.db, householdId);
  if (!file) throw notFound('Dossier introuvable.');
  const basis = await householdBudgetBasis(ctx, file, day);
  const { evaluation } = currentEvaluation(file, basis, await loadScales(ctx), day);
  const benefit = evaluation.housingBenefit;
  // A declared aid of 0 is no aid entered, while an estimated 0 is a finding.
  const benefitKnown =
    benefit.source === 'estimated' || (benefit.source === 'declared' && benefit.monthlyCents > 0);
  return {
    monthlyIncomeCents: basis.resourcesEntered ? basis.resourcesCents : null,
    monthlyExpensesCents: file.expenses.length > 0 ? sumOf(file.expenses) : null,
    housingBenefitCents: benefitKnown ? benefit.monthlyCents : null,
    remainingToLiveCents: evaluation.resteAVivre.monthlyCents,
    effortRatePercent: evaluation.effortRate.percent,
  };
}
