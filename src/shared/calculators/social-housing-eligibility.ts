import {
  ZSocialHousingEligibilityInput,
  type IncomeSource,
  type TEligibilityItemError,
  type TSocialHousingEligibilityRequest,
  type TSocialHousingEligibilityResult,
} from '../contracts/calculators.ts';
import { formatCents } from '../format.ts';
import {
  CEILING_TABLES,
  CEILING_ZONE_LABELS,
  ceilingTableOf,
  coveredYears,
  type CeilingTable,
} from './social-housing-ceilings.ts';

/**
 * Eligibility to social housing on resources (allocation-rules.md §1.2–1.6, issue 12 point 7): the
 * household category, the ceiling of the dwelling's financing and zone for the commission's year,
 * and which income the answer rests on. Pure: the same function answers the public API, runs in the
 * browser and will serve the matching's hard filter.
 */

/** The household's composition as the category rule reads it. */
export type CategoryInput = Pick<
  TSocialHousingEligibilityRequest,
  'persons' | 'dependants' | 'couple' | 'coupleAgeSum' | 'disabledMember'
>;

/** Why k (the persons counted) is what it is, before the disability step. */
export type CategoryBasis = 'persons' | 'single_parent' | 'young_couple';

export interface HouseholdCategory {
  category: number;
  extraPersons: number;
  basis: CategoryBasis;
  /** A member en situation de handicap moved the household up one step. */
  disabilityStep: boolean;
}

/** A jeune ménage: a couple without dependants whose ages add up to 55 or less (§1.3). */
export const YOUNG_COUPLE_MAX_AGE_SUM = 55;
export const TOP_CATEGORY = 6;

/**
 * §1.3 as issue 12 states it: k = persons; a person alone with dependants counts one more; else a
 * jeune ménage counts 3; then one more, once, for a disabled member; categories stop at 6, the
 * rest are extra persons. A couple without dependants must give its age sum (checked before).
 */
export function householdCategory(h: CategoryInput): HouseholdCategory {
  let k = h.persons;
  let basis: CategoryBasis = 'persons';
  if (h.persons - h.dependants === 1 && h.dependants >= 1) {
    k = h.persons + 1;
    basis = 'single_parent';
  } else if (
    h.couple &&
    h.dependants === 0 &&
    h.coupleAgeSum !== null &&
    h.coupleAgeSum <= YOUNG_COUPLE_MAX_AGE_SUM
  ) {
    k = 3;
    basis = 'young_couple';
  }
  if (h.disabledMember) k += 1;
  return {
    category: Math.min(k, TOP_CATEGORY),
    extraPersons: Math.max(0, k - TOP_CATEGORY),
    basis,
    disabilityStep: h.disabledMember,
  };
}

/** A lower income is used when it is at least 10 % below N-2: 10 × income ≤ 9 × N-2, exact in integers. */
const tenPercentLower = (income: number, incomeN2: number) => income * 10 <= incomeN2 * 9;

/** Which income the answer rests on, and whether it is under the ceiling (§1.2). */
export function incomeTest(
  input: Pick<TSocialHousingEligibilityRequest, 'incomeN2' | 'incomeN1' | 'incomeLast12Months'>,
  ceiling: number,
): { incomeUsed: IncomeSource; eligible: boolean } {
  if (input.incomeN2 <= ceiling) return { incomeUsed: 'n2', eligible: true };
  const lower = (income: number | null) =>
    income !== null && tenPercentLower(income, input.incomeN2) && income <= ceiling;
  if (lower(input.incomeN1)) return { incomeUsed: 'n1', eligible: true };
  if (lower(input.incomeLast12Months)) return { incomeUsed: 'last12Months', eligible: true };
  return { incomeUsed: 'n2', eligible: false };
}

export type EligibilityFailure = {
  code: 'OUT_OF_SCOPE' | 'INCONSISTENT_INPUT';
  message: string;
  fields: Record<string, string>;
};
export type EligibilityOutcome =
  { ok: true; result: TSocialHousingEligibilityResult } | { ok: false; error: EligibilityFailure };

export const MISSING_AGE_SUM =
  'Pour un couple sans personne à charge, indiquez la somme des âges des deux conjoints : 55 ans ou moins, c’est un jeune ménage.';
export const INCOMPLETE_MESSAGE = 'Il manque une donnée pour déterminer la catégorie du ménage.';

/** The answer to a well-formed request, or why it cannot be given (422). */
export function socialHousingEligibility(
  input: TSocialHousingEligibilityRequest,
  tables: readonly CeilingTable[] = CEILING_TABLES,
): EligibilityOutcome {
  const table = ceilingTableOf(input.year, tables);
  if (!table) {
    const message = `Pas de plafonds de ressources connus pour ${input.year} : années couvertes ${coveredYears(tables)}.`;
    return { ok: false, error: { code: 'OUT_OF_SCOPE', message, fields: { year: message } } };
  }
  if (input.couple && input.dependants === 0 && input.coupleAgeSum === null) {
    return {
      ok: false,
      error: {
        code: 'INCONSISTENT_INPUT',
        message: INCOMPLETE_MESSAGE,
        fields: { coupleAgeSum: MISSING_AGE_SUM },
      },
    };
  }
  const { category, extraPersons } = householdCategory(input);
  const zone = table.ceilings[input.financing][input.zone];
  const ceiling = zone.categories[category - 1]! + extraPersons * zone.perExtraPerson;
  return { ok: true, result: { category, extraPersons, ceiling, ...incomeTest(input, ceiling) } };
}

/**
 * Any body, as the batch reads each item and the web page its form: checked by the route's schema,
 * a malformed one refused as the single route refuses it (VALIDATION_FAILED, French per field).
 */
export function readEligibilityBody(
  body: unknown,
):
  | { ok: true; request: TSocialHousingEligibilityRequest }
  | { ok: false; error: TEligibilityItemError['error'] } {
  const parsed = ZSocialHousingEligibilityInput.safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return {
    ok: false,
    error: { code: 'VALIDATION_FAILED', message: 'Certains champs sont invalides.', fields },
  };
}

/** Any body answered, or refused in its place with the code and message the single route gives. */
export function answerEligibility(
  body: unknown,
  tables: readonly CeilingTable[] = CEILING_TABLES,
): TSocialHousingEligibilityResult | TEligibilityItemError {
  const read = readEligibilityBody(body);
  if (!read.ok) return { error: read.error };
  const outcome = socialHousingEligibility(read.request, tables);
  return outcome.ok ? outcome.result : { error: outcome.error };
}

// ——— The answer in words (the public page) ———

const euros = (amount: number) => formatCents(Math.round(amount * 100));
const persons = (n: number) => `${n} personne${n > 1 ? 's' : ''}`;

export const INCOME_SOURCE_LABELS: Record<IncomeSource, string> = {
  n2: 'Revenu fiscal de référence de l’année N-2',
  n1: 'Revenu fiscal de référence de l’année N-1',
  last12Months: 'Revenus des 12 derniers mois',
};

/** Why the household is in its category, in French. */
export function categoryExplanation(input: CategoryInput, c: HouseholdCategory): string {
  const base =
    c.basis === 'single_parent'
      ? `Une personne seule avec ${persons(input.dependants)} à charge compte comme ${persons(input.persons + 1)}.`
      : c.basis === 'young_couple'
        ? `Un couple sans personne à charge dont la somme des âges est de ${input.coupleAgeSum} ans (${YOUNG_COUPLE_MAX_AGE_SUM} ans ou moins) est un jeune ménage : il compte comme 3 personnes.`
        : `Le foyer compte ${persons(input.persons)}.`;
  const disability = c.disabilityStep
    ? ' Une personne en situation de handicap fait passer le ménage à la catégorie supérieure.'
    : '';
  const extra =
    c.extraPersons > 0
      ? ` Au-delà de la catégorie ${TOP_CATEGORY}, ${persons(c.extraPersons)} en plus ${c.extraPersons > 1 ? 'ajoutent' : 'ajoute'} chacune un montant au plafond.`
      : '';
  return `${base}${disability}${extra}`;
}

/** How the ceiling is made, in French. */
export function ceilingExplanation(
  input: Pick<TSocialHousingEligibilityRequest, 'year' | 'financing' | 'zone'>,
  result: TSocialHousingEligibilityResult,
  tables: readonly CeilingTable[] = CEILING_TABLES,
): string {
  const table = ceilingTableOf(input.year, tables);
  if (!table) return '';
  const zone = table.ceilings[input.financing][input.zone];
  const base = `Plafond ${input.financing} ${input.year}, ${CEILING_ZONE_LABELS[input.zone]}, catégorie ${result.category} : ${euros(zone.categories[result.category - 1]!)} par an`;
  const extra =
    result.extraPersons > 0
      ? `, plus ${result.extraPersons} × ${euros(zone.perExtraPerson)} par personne supplémentaire, soit ${euros(result.ceiling)}`
      : '';
  return `${base}${extra}. Source : ${table.sources[input.financing]}.`;
}

/** Which income was compared with the ceiling and why, in French. */
export function incomeExplanation(
  input: Pick<TSocialHousingEligibilityRequest, 'incomeN2' | 'incomeN1' | 'incomeLast12Months'>,
  result: TSocialHousingEligibilityResult,
): string {
  const n2 = euros(input.incomeN2);
  const ceiling = euros(result.ceiling);
  if (result.incomeUsed === 'n2') {
    return result.eligible
      ? `Le revenu fiscal de référence N-2 (${n2}) ne dépasse pas le plafond (${ceiling}).`
      : `Le revenu fiscal de référence N-2 (${n2}) dépasse le plafond (${ceiling}), et aucun revenu plus récent inférieur d’au moins 10 % et sous le plafond n’a été indiqué.`;
  }
  const used = result.incomeUsed === 'n1' ? input.incomeN1 : input.incomeLast12Months;
  const what =
    result.incomeUsed === 'n1' ? 'le revenu fiscal de référence N-1' : 'les revenus des 12 derniers mois';
  return `Le revenu fiscal de référence N-2 (${n2}) dépasse le plafond (${ceiling}) ; ${what} (${euros(used ?? 0)}), inférieur d’au moins 10 % au revenu N-2 et sous le plafond, ${result.incomeUsed === 'n1' ? 'est retenu' : 'sont retenus'}.`;
}
