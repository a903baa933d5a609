import { eq } from 'drizzle-orm';
import type { Context } from '../../kernel/context.ts';
import {
  describeConvention,
  estimateDwellingBenefit,
  evaluateDwelling,
  givenCharges,
} from '../../shared/calculators/budget.ts';
import type { TBudgetEvaluation, TConventionUsed } from '../../shared/contracts/budget.ts';
import { RESOURCE_TYPE_LABELS } from '../../shared/contracts/household-enums.ts';
import { parisDate } from '../../shared/time.ts';
import type { HouseholdFile } from '../households/index.ts';
import { territories } from '../organisations/schema.ts';
import { departementOf } from '../organisations/index.ts';
import { householdBudgetBasis, loadScales } from './budget-context.ts';
import { conventionAt } from './conventions.repository.ts';

/** A dwelling offered to the household: where it is, its rent and charges as announced, its status. */
export interface OfferedDwelling {
  communeId: string | null;
  monthlyRentCents: number;
  monthlyChargesCents: number;
  /** Conventioned (APL) and let by a social landlord: what the aid's estimate depends on. */
  conventioned: boolean;
  socialLandlord: boolean;
}

export interface OfferedDwellingBudget {
  date: string;
  convention: TConventionUsed;
  /** The resources counted (the housing benefit aside), by kind. */
  resources: { label: string; monthlyCents: number }[];
  resourcesCents: number;
  /** With the housing benefit estimated for this dwelling, and without any (CCH R441-3-1, allocation-rules §4.8). */
  withAid: TBudgetEvaluation;
  withoutAid: TBudgetEvaluation;
}

/**
 * The household's budget in a dwelling offered to it, as the budget tab computes a target dwelling
 * (its resources and expenses), with and without the aid: a CAL reads both ratios. The convention is
 * the dwelling's département's, as the matching's ranking reads it. The caller has checked the
 * reader's access to the file.
 */
export async function offeredDwellingBudget(
  ctx: Context,
  file: HouseholdFile,
  dwelling: OfferedDwelling,
): Promise<OfferedDwellingBudget> {
  const day = parisDate(ctx.now);
  const scales = await loadScales(ctx);
  const basis = await householdBudgetBasis(ctx, file, day);
  const { convention, origin } = await conventionAt(
    ctx.db,
    await departementOf(ctx.db, dwelling.communeId),
    day,
  );
  const [commune] = dwelling.communeId
    ? await ctx.db
        .select({ zone: territories.housingBenefitZone })
        .from(territories)
        .where(eq(territories.id, dwelling.communeId))
    : [];
  const benefit = estimateDwellingBenefit({
    ...scales,
    day,
    members: basis.members,
    resourcesCents: basis.resourcesCents,
    disabledMember: basis.disabledMember,
    dwelling: {
      // OpenFisca's fallback for an unknown commune is zone 2.
      zone: ([1, 3] as const).find((z) => z === commune?.zone) ?? 2,
      monthlyRentCents: dwelling.monthlyRentCents,
      conventioned: dwelling.conventioned,
      socialLandlord: dwelling.socialLandlord,
      furnished: false,
      annualResourcesOverrideCents: null,
    },
  });
  const evaluate = (housingBenefit: typeof benefit) =>
    evaluateDwelling({
      day,
      convention: convention.values,
      members: basis.members,
      resourcesCents: basis.resourcesCents,
      resourcesEntered: basis.resourcesEntered,
      expenses: basis.expenses,
      rentCents: dwelling.monthlyRentCents,
      charges: givenCharges(dwelling.monthlyChargesCents),
      benefit: housingBenefit,
    });
  return {
    date: day,
    convention: describeConvention(convention.values, origin),
    resources: file.resources
      .filter((r) => r.type !== 'housing_benefit')
      .map((r) => ({ label: RESOURCE_TYPE_LABELS[r.type], monthlyCents: r.monthlyAmountCents })),
    resourcesCents: basis.resourcesCents,
    withAid: evaluate(benefit),
    withoutAid: evaluate({ ...benefit, monthlyCents: 0 }),
  };
}
