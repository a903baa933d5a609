import { formatMonth } from '../format.ts';
import type {
  AidKind,
  CeilingBasis,
  THousingBenefitInput,
  THousingBenefitResult,
} from '../contracts/calculators.ts';
import {
  SCALE_FAMILY_LABELS,
  REQUIRED_FAMILIES,
  scaleAt,
  type ScaleFamily,
  type ScaleOf,
  type ScaleSet,
} from './housing-benefit-scales.ts';

/**
 * Rental housing benefit (APL / ALF / ALS), metropolitan France, months from January 2021: the
 * computation of OpenFisca-France (openfisca_france/model/prestations/aides_logement.py), in its
 * order of steps, numbered below.
 * Pure: no I/O, the same function runs on the server and in the browser.
 *
 * Arithmetic mirrors OpenFisca's (IEEE doubles, numpy rounding) so that results match it to the
 * cent; each rounding happens exactly where the regulation (arrêté du 27/09/2019) puts one, nowhere else.
 */

export type HousingBenefitOutcome =
  { ok: true; result: THousingBenefitResult } | { ok: false; reason: string };

/** The contemporaneous-resources reform: earlier months used another resource base. */
export const FIRST_PERIOD = '2021-01';

/** numpy.round: x × 10^decimals rounded half to even, divided back (as OpenFisca rounds). */
export function roundHalfEven(x: number, decimals = 0): number {
  const factor = 10 ** decimals;
  const y = x * factor;
  const rounded = Math.abs(y % 1) === 0.5 ? 2 * Math.round(y / 2) : Math.round(y);
  return rounded / factor + 0; // + 0 turns -0 into 0
}

const OUT_OF_SCOPE_HOUSING: Record<string, string> = {
  foyer:
    'Les logements-foyers (résidences sociales, foyers de jeunes travailleurs, foyers de personnes âgées…) ont leur propre barème : ce simulateur ne couvre que la location ordinaire.',
  student_residence:
    'Les résidences universitaires (CROUS) ont leur propre barème : ce simulateur ne couvre que la location ordinaire.',
  accession:
    'L’aide en accession à la propriété se calcule autrement : ce simulateur ne couvre que la location.',
};

interface Composition {
  couple: boolean;
  dependants: number;
}

/** Amount for a household composition from single / couple / 1 dependant + supplement per extra one. */
function compositionAmount(
  amounts: { single: number; couple: number; oneDependant: number; perExtraDependant: number },
  basis: CeilingBasis,
  dependants: number,
): number {
  if (basis === 'single') return amounts.single;
  if (basis === 'couple') return amounts.couple;
  return amounts.oneDependant + (dependants - 1) * amounts.perExtraDependant;
}

/** Amount from single / couple / 1…6 dependants + supplement per dependant beyond 6. */
function sizeAmount(
  amounts: { single: number; couple: number; byDependants: number[]; perExtraDependant: number },
  { couple, dependants }: Composition,
): number {
  if (dependants === 0) return couple ? amounts.couple : amounts.single;
  if (dependants <= 6) return amounts.byDependants[dependants - 1]!;
  return amounts.byDependants[5]! + (dependants - 6) * amounts.perExtraDependant;
}

const compositionBasis = ({ couple, dependants }: Composition): CeilingBasis =>
  dependants > 0 ? 'dependants' : couple ? 'couple' : 'single';

type RequiredScales = { [F in ScaleFamily]: ScaleOf<F> };

export function estimateHousingBenefit(input: THousingBenefitInput, set: ScaleSet): HousingBenefitOutcome {
  if (input.overseas) {
    return {
      ok: false,
      reason:
        'Les départements et collectivités d’outre-mer ont leurs propres paramètres (R0, taux famille, charges) : ce simulateur ne couvre que la France métropolitaine.',
    };
  }
  const housingReason = OUT_OF_SCOPE_HOUSING[input.housingType ?? 'ordinary'];
  if (housingReason) return { ok: false, reason: housingReason };
  if (input.period < FIRST_PERIOD) {
    return {
      ok: false,
      reason:
        'Ce simulateur couvre les mois à partir de janvier 2021 (réforme des ressources contemporaines) ; les mois antérieurs se calculaient autrement.',
    };
  }

  const day = `${input.period}-01`;
  const scales = {} as RequiredScales;
  const missing: string[] = [];
  for (const family of REQUIRED_FAMILIES) {
    const scale = scaleAt(set, family, day);
    if (scale) (scales as Record<ScaleFamily, unknown>)[family] = scale;
    else missing.push(`« ${SCALE_FAMILY_LABELS[family]} »`);
  }
  if (missing.length > 0) return noScale(missing, input.period);

  const zone = String(input.zone) as '1' | '2' | '3';
  const household: Composition = { couple: input.couple, dependants: input.dependants };
  const basis = compositionBasis(household);
  const deductions = scales.deductions.values;

  // 1. Resources: to the cent, then up to the next 100 €.
  const roundedResources = Math.ceil(roundHalfEven(input.annualResources, 2) / 100) * 100;

  // 2. Actual rent: 2/3 if furnished (AL, or an APL room), then to the euro, half to even.
  const furnishedCoefficientApplied = input.furnished && (!input.conventioned || input.room);
  const actualRent = roundHalfEven(input.monthlyRent * (furnishedCoefficientApplied ? 2 / 3 : 1));

  // 3. Rent ceiling: a room takes the single-person ceiling whatever the household.
  const ceilingBasis: CeilingBasis = input.room ? 'single' : basis;
  const coefficients = scales.ceiling_coefficients.values;
  const rentCeiling = roundHalfEven(
    compositionAmount(scales.rent_ceilings.values[zone], ceilingBasis, input.dependants) *
      (input.flatShare ? coefficients.flatShare : 1) *
      (input.room ? coefficients.room : 1),
    2,
  );

  // 4. Retained rent.
  const retainedRent = Math.min(actualRent, rentCeiling);

  // 5. Flat charges.
  const charges = scales.flat_charges.values;
  const flatCharges = input.flatShare
    ? (input.couple ? charges.flatShare.couple : charges.flatShare.single) +
      input.dependants * charges.flatShare.perDependant
    : charges.general.base + input.dependants * charges.general.perDependant;

  // 6–9. R0, TF, TL (RL against the zone-2 ceiling of the household's own composition), TP.
  const r0 = sizeAmount(scales.r0.values, household);
  const familyRate = sizeAmount(scales.family_rates.values, household);
  const referenceCeiling = compositionAmount(scales.rent_ceilings.values['2'], basis, input.dependants);
  const rentRatio = retainedRent / referenceCeiling;
  const tl = scales.rent_rates.values;
  const rentRate =
    rentRatio < tl.lowerThreshold
      ? 0
      : rentRatio < tl.upperThreshold
        ? tl.middleRate * (rentRatio - tl.lowerThreshold)
        : tl.middleRate * (tl.upperThreshold - tl.lowerThreshold) +
          tl.upperRate * (rentRatio - tl.upperThreshold);
  const participationRate = familyRate + rentRate;

  // 10–12. Minimum and personal contributions, aid before the threshold (none rounded).
  const p0 = scales.minimum_contribution.values;
  const minimumContribution = Math.max(p0.rate * (retainedRent + flatCharges), p0.flatAmount);
  const personalContribution = minimumContribution + participationRate * Math.max(0, roundedResources - r0);
  const aidBeforeThreshold = Math.max(0, retainedRent + flatCharges - personalContribution);

  // 13. Payment threshold, tested before dégressivité, minoration, RLS and CRDS (as OpenFisca does).
  const paymentThreshold = input.conventioned
    ? deductions.paymentThresholdApl
    : deductions.paymentThresholdAl;
  const belowPaymentThreshold = aidBeforeThreshold < paymentThreshold;
  const grossAid = belowPaymentThreshold ? 0 : aidBeforeThreshold;

  // 14. Dégressivité on the actual rent, except when a member is disabled.
  const degressivity = scales.degressivity.values[zone];
  const degressivityThreshold = roundHalfEven(rentCeiling * degressivity.degressivity, 2);
  const suppressionThreshold = roundHalfEven(rentCeiling * degressivity.suppression, 2);
  const degressivityCoefficient =
    input.disabledMember || actualRent <= degressivityThreshold
      ? 1
      : actualRent <= suppressionThreshold
        ? 1 - (actualRent - degressivityThreshold) / (suppressionThreshold - degressivityThreshold)
        : 0;
  const aidAfterDegressivity = roundHalfEven(grossAid * degressivityCoefficient, 2);

  // 15. Minoration forfaitaire.
  const flatDeduction = Math.min(deductions.flatDeduction, aidAfterDegressivity);
  const aidAfterFlatDeduction = Math.max(0, aidAfterDegressivity - deductions.flatDeduction);

  // 16. RLS: conventionné social housing, R / 12 strictly below the ceiling.
  const scalesUsed = REQUIRED_FAMILIES.map((family) => ({
    family,
    effectiveFrom: scales[family].effectiveFrom,
  }));
  let rlsMonthly = 0;
  let rlsIncomeCeiling: number | null = null;
  if (input.conventioned && (input.socialLandlord ?? true)) {
    const ceilings = scaleAt(set, 'rls_income_ceilings', day);
    if (!ceilings) return noScale([`« ${SCALE_FAMILY_LABELS.rls_income_ceilings} »`], input.period);
    scalesUsed.push({ family: 'rls_income_ceilings', effectiveFrom: ceilings.effectiveFrom });
    rlsIncomeCeiling = sizeAmount(ceilings.values[zone], household);
    if (roundedResources / 12 < rlsIncomeCeiling) {
      const amounts = scaleAt(set, 'rls_amounts', day);
      if (!amounts) return noScale([`« ${SCALE_FAMILY_LABELS.rls_amounts} »`], input.period);
      scalesUsed.push({ family: 'rls_amounts', effectiveFrom: amounts.effectiveFrom });
      rlsMonthly = compositionAmount(amounts.values[zone], basis, input.dependants);
    }
  }
  const aidBeforeCrds = Math.max(0, aidAfterFlatDeduction - deductions.rlsShareOfAid * rlsMonthly);

  // 17. CRDS on the unrounded amount, then to the cent.
  const crds = deductions.crdsRate * aidBeforeCrds;
  const monthlyAmount = roundHalfEven(aidBeforeCrds - crds, 2);

  const aidKind: AidKind = input.conventioned ? 'APL' : input.dependants > 0 ? 'ALF' : 'ALS';
  return {
    ok: true,
    result: {
      monthlyAmount,
      rlsMonthly,
      breakdown: {
        aidKind,
        roundedResources,
        actualRent,
        furnishedCoefficientApplied,
        ceilingBasis,
        rentCeiling,
        retainedRent,
        flatCharges,
        referenceCeiling,
        r0,
        familyRate,
        rentRatio,
        rentRate,
        participationRate,
        minimumContribution,
        personalContribution,
        aidBeforeThreshold,
        paymentThreshold,
        belowPaymentThreshold,
        degressivityThreshold,
        suppressionThreshold,
        degressivityCoefficient,
        aidAfterDegressivity,
        flatDeduction,
        rlsIncomeCeiling,
        rlsDeduction: aidAfterFlatDeduction - aidBeforeCrds,
        aidBeforeCrds,
        crds,
        scalesUsed,
      },
    },
  };
}

function noScale(labels: string[], period: string): HousingBenefitOutcome {
  const plural = labels.length > 1;
  return {
    ok: false,
    reason: `${plural ? 'Les barèmes' : 'Le barème'} ${labels.join(', ')} ${plural ? 'ne sont pas connus' : 'n’est pas connu'} pour ${formatMonth(period)}. Un administrateur peut ${plural ? 'les ajouter dès leur' : 'l’ajouter dès sa'} publication.`,
  };
}
