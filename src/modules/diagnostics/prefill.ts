import {
  ZDiagnosticContent,
  type PrefillSource,
  type TDiagnosticContent,
} from '../../shared/contracts/diagnostics.ts';
import type { HousingSituation } from '../../shared/contracts/household-enums.ts';
import { ageOn } from '../../shared/calculators/budget.ts';
import type { HouseholdFile } from '../households/index.ts';
import type { HouseholdBudgetSummary } from '../budget/index.ts';
import type { PrefilledValues } from './schema.ts';

/**
 * "Nothing typed twice": the first diagnostic opens with what the file and the budget already say,
 * each value marked with where it came from. A value edited since is the caseworker's own.
 */
type Leaf = string | number | boolean;
type PathValues = Record<string, Leaf>;

/** Money the content accepts (a sum of many rows could exceed it: then it is left to type). */
const MAX_CENTS = 100_000_000;
const money = (cents: number | null | undefined) =>
  cents !== null && cents !== undefined && cents >= 0 && cents <= MAX_CENTS ? cents : undefined;
const total = (rows: readonly { amountCents: number }[]) => rows.reduce((a, r) => a + r.amountCents, 0);

/** The diagnostic's dwelling status for the file's housing situation ('other' says nothing). */
const DWELLING_OF: Record<
  HousingSituation,
  { hasDwelling: boolean; status: NonNullable<TDiagnosticContent['currentDwelling']>['status'] } | null
> = {
  street: { hasDwelling: false, status: 'street' },
  shelter: { hasDwelling: false, status: 'shelter' },
  chrs: { hasDwelling: false, status: 'shelter' },
  hotel: { hasDwelling: false, status: 'hotel' },
  hosted_by_third_party: { hasDwelling: false, status: 'hosted_by_third_party' },
  sublet: { hasDwelling: true, status: 'sublet' },
  social_tenant: { hasDwelling: true, status: 'social_tenant' },
  private_tenant: { hasDwelling: true, status: 'private_tenant' },
  owner: { hasDwelling: true, status: 'other' },
  other: null,
};

/** What the file already says that the diagnostic asks, by content path (on the Paris day `day`). */
export function fileValues(file: HouseholdFile, day: string): PathValues {
  const values: Record<string, Leaf | undefined> = {};
  const h = file.household;
  // Adults and children only when every age is known: a missing birth date is not guessed.
  const ages = file.members.map((m) => ageOn(m.birthDate, day));
  if (ages.length > 0 && ages.every((a): a is number => a !== null)) {
    values['familySituation.adults'] = ages.filter((a) => a >= 18).length;
    values['familySituation.children'] = ages.filter((a) => a < 18).length;
  }
  values['administrative.daloRecognised'] = h.daloRecognised;
  // A number entered before the file checked it may be longer than the diagnostic takes: left to type.
  const applicationNumber = h.applicationNumber ?? '';
  if (applicationNumber.length > 0 && applicationNumber.length <= 20) {
    values['administrative.socialHousingApplicationNumber'] = applicationNumber;
  }
  // Resources as the budget counts them: the housing benefit is a figure of its own.
  const resources = file.resources.filter((r) => r.type !== 'housing_benefit');
  if (resources.length > 0) {
    values['finances.monthlyIncomeCents'] = money(resources.reduce((a, r) => a + r.monthlyAmountCents, 0));
  }
  if (file.expenses.length > 0) {
    values['finances.monthlyExpensesCents'] = money(
      file.expenses.reduce((a, e) => a + e.monthlyAmountCents, 0),
    );
  }
  if (file.debts.length > 0) {
    values['finances.debtsTotalCents'] = money(total(file.debts));
    values['finances.repaymentPlan'] = file.debts.some((d) => d.repaymentPlan);
  }
  const arrears = file.debts.filter((d) => d.kind === 'rent_arrears');
  if (arrears.length > 0) {
    values['housingHistory.arrearsCents'] = money(total(arrears));
    values['housingHistory.arrearsSince'] = arrears
      .map((d) => d.startDate)
      .filter((d) => d !== null)
      .sort()[0];
    values['housingHistory.arrearsRepaymentPlan'] = arrears.some((d) => d.repaymentPlan);
  }
  const dwelling = DWELLING_OF[h.housingSituation];
  if (dwelling) {
    values['currentDwelling.hasDwelling'] = dwelling.hasDwelling;
    values['currentDwelling.status'] = dwelling.status;
    if (dwelling.hasDwelling) values['currentDwelling.rentCents'] = money(file.tenancy?.monthlyRentCents);
  }
  return defined(values);
}

/** The budget's figures for the current dwelling, by content path. */
export function budgetValues(summary: HouseholdBudgetSummary): PathValues {
  const rav = summary.remainingToLiveCents;
  const effort = summary.effortRatePercent;
  return defined({
    'budgetSummary.monthlyIncomeCents': money(summary.monthlyIncomeCents),
    'budgetSummary.monthlyExpensesCents': money(summary.monthlyExpensesCents),
    'budgetSummary.estimatedHousingBenefitCents': money(summary.housingBenefitCents),
    'budgetSummary.remainingToLiveCents': rav !== null && Math.abs(rav) <= MAX_CENTS ? rav : undefined,
    'budgetSummary.effortRatePercent': effort !== null && effort >= 0 && effort <= 1000 ? effort : undefined,
  });
}

const defined = (values: Record<string, Leaf | undefined>): PathValues =>
  Object.fromEntries(Object.entries(values).filter((e): e is [string, Leaf] => e[1] !== undefined));

/** The content holding these values, and the record of where each came from. */
export function prefilledContent(sources: Record<PrefillSource, PathValues>): {
  content: TDiagnosticContent;
  prefilled: PrefilledValues;
} {
  const content: Record<string, Record<string, Leaf>> = {};
  const prefilled: PrefilledValues = {};
  for (const [source, values] of Object.entries(sources) as [PrefillSource, PathValues][]) {
    for (const [path, value] of Object.entries(values)) {
      const [section, field] = path.split('.') as [string, string];
      (content[section] ??= {})[field] = value;
      prefilled[path] = { source, value };
    }
  }
  // Parsed, so that a value the content would refuse fails here rather than in a later save.
  return { content: ZDiagnosticContent.parse(content), prefilled };
}

const valueAt = (content: TDiagnosticContent, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      content,
    );

/** The paths still holding the value they were filled with, and where that value came from. */
export const standingPrefill = (
  content: TDiagnosticContent,
  prefilled: PrefilledValues,
): Record<string, PrefillSource> =>
  Object.fromEntries(
    Object.entries(prefilled)
      .filter(([path, p]) => valueAt(content, path) === p.value)
      .map(([path, p]) => [path, p.source]),
  );
