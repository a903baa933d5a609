import { z } from 'zod';

/**
 * Parameter scales ("barèmes") of the rental housing benefit, one family per parameter that has its
 * own revaluation calendar (ceilings on 1 October, R0 on 1 January, RLS on its own dates…).
 * The same schemas validate the versioned data files, the scales an administrator adds and the
 * scales the browser receives, so every consumer reads one shape.
 */

const euros = z
  .number({ message: 'Montant invalide.' })
  .min(0, { message: 'Le montant ne peut pas être négatif.' })
  .max(100_000, { message: 'Montant invraisemblable.' });
const rate = z
  .number({ message: 'Taux invalide.' })
  .min(-1, { message: 'Taux invraisemblable.' })
  .max(1, { message: 'Taux exprimé en fraction attendu (0,05 pour 5 %).' });
const coefficient = z.number({ message: 'Coefficient invalide.' }).min(0).max(10);

/** Six amounts, for 1 to 6 dependants. */
const byDependants = <T extends z.ZodType>(item: T) =>
  z.array(item).length(6, { message: 'Six valeurs attendues (de 1 à 6 personnes à charge).' });

const byZone = <T extends z.ZodType>(item: T) => z.object({ '1': item, '2': item, '3': item }).strict();

const ZCompositionAmounts = z
  .object({
    single: euros,
    couple: euros,
    oneDependant: euros,
    perExtraDependant: euros,
  })
  .strict();

export const SCALE_FAMILY_VALUES = {
  /** Loyers plafonds (arrêté du 27/09/2019 art. 7), monthly euros. */
  rent_ceilings: byZone(ZCompositionAmounts),
  /** Forfait charges (art. 9), monthly euros. */
  flat_charges: z
    .object({
      general: z.object({ base: euros, perDependant: euros }).strict(),
      flatShare: z.object({ single: euros, couple: euros, perDependant: euros }).strict(),
    })
    .strict(),
  /** Participation minimale P0 (art. 13): max(rate × (L + C), flat amount). */
  minimum_contribution: z.object({ flatAmount: euros, rate }).strict(),
  /** R0 (art. 15), annual euros. */
  r0: z
    .object({
      single: euros,
      couple: euros,
      byDependants: byDependants(euros),
      perExtraDependant: euros,
    })
    .strict(),
  /** TF (art. 14): rate by household size; perExtraDependant is added (negative) beyond 6. */
  family_rates: z
    .object({
      single: rate,
      couple: rate,
      byDependants: byDependants(rate),
      perExtraDependant: rate,
    })
    .strict(),
  /** TL (art. 14): brackets on RL = L / L_ref. */
  rent_rates: z
    .object({
      lowerThreshold: rate,
      upperThreshold: rate,
      middleRate: rate,
      upperRate: rate,
    })
    .strict(),
  /** Ceiling coefficients for a flat-share and for a room. */
  ceiling_coefficients: z.object({ flatShare: coefficient, room: coefficient }).strict(),
  /** Dégressivité and suppression thresholds, as multiples of the rent ceiling (art. 10). */
  degressivity: byZone(z.object({ degressivity: coefficient, suppression: coefficient }).strict()),
  /** Deductions after the formula: 5 € minoration (art. 11), thresholds (art. 12), RLS share, CRDS. */
  deductions: z
    .object({
      flatDeduction: euros,
      paymentThresholdAl: euros,
      paymentThresholdApl: euros,
      rlsShareOfAid: rate,
      crdsRate: rate,
    })
    .strict(),
  /** RLS monthly amounts (arrêté du 27/02/2018). */
  rls_amounts: byZone(ZCompositionAmounts),
  /** RLS monthly income ceilings: the RLS applies when R / 12 is strictly below. */
  rls_income_ceilings: byZone(
    z
      .object({
        single: euros,
        couple: euros,
        byDependants: byDependants(euros),
        perExtraDependant: euros,
      })
      .strict(),
  ),
} as const;

export type ScaleFamily = keyof typeof SCALE_FAMILY_VALUES;
export const SCALE_FAMILIES = Object.keys(SCALE_FAMILY_VALUES) as ScaleFamily[];
export type ScaleValues<F extends ScaleFamily> = z.infer<(typeof SCALE_FAMILY_VALUES)[F]>;

export const SCALE_FAMILY_LABELS: Record<ScaleFamily, string> = {
  rent_ceilings: 'Loyers plafonds',
  flat_charges: 'Forfait charges',
  minimum_contribution: 'Participation minimale (P0)',
  r0: 'Abattement forfaitaire R0',
  family_rates: 'Taux famille (TF)',
  rent_rates: 'Taux loyer (TL)',
  ceiling_coefficients: 'Coefficients colocation et chambre',
  degressivity: 'Dégressivité et suppression',
  deductions: 'Minoration, seuils de versement, RLS et CRDS',
  rls_amounts: 'Montants de la réduction de loyer de solidarité',
  rls_income_ceilings: 'Plafonds de ressources de la RLS',
};

/** Families without which no month can be computed (the RLS ones are needed only when the RLS applies). */
export const REQUIRED_FAMILIES: ScaleFamily[] = SCALE_FAMILIES.filter(
  (f) => f !== 'rls_amounts' && f !== 'rls_income_ceilings',
);

const ZIsoDay = z.iso.date({ message: 'Date invalide (AAAA-MM-JJ).' });

const scaleOf = <F extends ScaleFamily>(family: F) =>
  z
    .object({
      family: z.literal(family),
      /** First day of a month: parameters are read on the first day of the month computed. */
      effectiveFrom: ZIsoDay.refine((d) => d.endsWith('-01'), {
        message: 'Un barème prend effet le premier jour d’un mois.',
      }),
      /** Last day of validity; absent, the scale holds until the next one of its family. */
      effectiveTo: ZIsoDay.optional(),
      /** Legal reference and where the values were taken from. */
      source: z.string().trim().min(3, { message: 'Indiquez la source (arrêté, date du JO…).' }).max(500),
      values: SCALE_FAMILY_VALUES[family],
    })
    .strict()
    .refine((s) => s.effectiveTo === undefined || s.effectiveTo >= s.effectiveFrom, {
      message: 'La fin de validité précède le début.',
      path: ['effectiveTo'],
    });

export const ZHousingBenefitScale = z.discriminatedUnion('family', [
  scaleOf('rent_ceilings'),
  scaleOf('flat_charges'),
  scaleOf('minimum_contribution'),
  scaleOf('r0'),
  scaleOf('family_rates'),
  scaleOf('rent_rates'),
  scaleOf('ceiling_coefficients'),
  scaleOf('degressivity'),
  scaleOf('deductions'),
  scaleOf('rls_amounts'),
  scaleOf('rls_income_ceilings'),
]);
export type THousingBenefitScale = z.infer<typeof ZHousingBenefitScale>;
export type ScaleOf<F extends ScaleFamily> = Extract<THousingBenefitScale, { family: F }>;

/** A versioned data file: one family, its scales in date order. */
export const ZScaleFile = z
  .object({
    family: z.enum(SCALE_FAMILIES as [ScaleFamily, ...ScaleFamily[]]),
    description: z.string(),
    scales: z.array(ZHousingBenefitScale).min(1),
  })
  .strict()
  .refine((f) => f.scales.every((s) => s.family === f.family), {
    message: 'Chaque barème du fichier doit être de la famille du fichier.',
  });

/** Every known scale, by family, sorted by effectiveFrom. */
export type ScaleSet = { [F in ScaleFamily]: ScaleOf<F>[] };

/** Builds a scale set from scales of any origin (files, database), sorted by effective date. */
export function buildScaleSet(scales: readonly THousingBenefitScale[]): ScaleSet {
  const set = Object.fromEntries(SCALE_FAMILIES.map((f) => [f, []])) as unknown as Record<
    ScaleFamily,
    THousingBenefitScale[]
  >;
  for (const scale of scales) set[scale.family].push(scale);
  for (const family of SCALE_FAMILIES) {
    set[family].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  }
  return set as unknown as ScaleSet;
}

/**
 * The scale of a family in force on a day: the latest one that started on or before it, unless
 * its explicit end has passed (a gap: nothing is known for that day).
 */
export function scaleAt<F extends ScaleFamily>(set: ScaleSet, family: F, day: string): ScaleOf<F> | null {
  const scales = set[family];
  for (let i = scales.length - 1; i >= 0; i--) {
    const scale = scales[i]!;
    if (scale.effectiveFrom <= day) {
      return scale.effectiveTo !== undefined && scale.effectiveTo < day ? null : scale;
    }
  }
  return null;
}

/**
 * Why a new scale cannot join its family, or null. Two scales overlap when they start on the
 * same day or when one's explicit end reaches past the other's start; an open-ended scale simply
 * gives way to the next one.
 */
export function overlapReason(
  existing: readonly THousingBenefitScale[],
  candidate: Pick<THousingBenefitScale, 'family' | 'effectiveFrom' | 'effectiveTo'>,
): string | null {
  for (const other of existing) {
    if (other.family !== candidate.family) continue;
    const [first, second] =
      other.effectiveFrom <= candidate.effectiveFrom ? [other, candidate] : [candidate, other];
    const clash =
      first.effectiveFrom === second.effectiveFrom ||
      (first.effectiveTo !== undefined && first.effectiveTo >= second.effectiveFrom);
    if (clash) {
      const validity = other.effectiveTo
        ? `du ${frenchDate(other.effectiveFrom)} au ${frenchDate(other.effectiveTo)}`
        : `à partir du ${frenchDate(other.effectiveFrom)}`;
      return `Le barème « ${SCALE_FAMILY_LABELS[candidate.family]} » en vigueur ${validity} chevauche les dates demandées.`;
    }
  }
  return null;
}

export function frenchDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Months every required family covers, as YYYY-MM: from the latest first scale (not before
 * January 2021) to the earliest explicit end of a family's last scale (null: open-ended).
 */
export function scaleCoverage(
  set: ScaleSet,
  firstPeriod: string,
): { from: string | null; to: string | null } {
  let from: string | null = firstPeriod;
  let to: string | null = null;
  for (const family of REQUIRED_FAMILIES) {
    const scales = set[family];
    const first = scales[0];
    const last = scales.at(-1);
    if (!first || !last) return { from: null, to: null };
    const start = first.effectiveFrom.slice(0, 7);
    if (from !== null && start > from) from = start;
    const end = last.effectiveTo?.slice(0, 7);
    if (end !== undefined && (to === null || end < to)) to = end;
  }
  return { from, to };
}
