import { z } from 'zod';
import { SCALE_FAMILIES, ZHousingBenefitScale } from '../calculators/housing-benefit-scales.ts';

export const HOUSING_TYPES = ['ordinary', 'foyer', 'student_residence', 'accession'] as const;
export type HousingType = (typeof HOUSING_TYPES)[number];
export const HOUSING_TYPE_LABELS: Record<HousingType, string> = {
  ordinary: 'Logement ordinaire loué (vide, meublé, HLM)',
  foyer: 'Logement-foyer (résidence sociale, FJT, EHPA…)',
  student_residence: 'Résidence universitaire (CROUS)',
  accession: 'Accession à la propriété',
};

export const MAX_DEPENDANTS = 15;
export const MAX_BATCH = 10_000;

const flag = (label: string) =>
  z.boolean({
    error: (issue) =>
      issue.input === undefined ? 'Ce champ est obligatoire.' : `${label} : vrai ou faux attendu.`,
  });

/**
 * One estimate request. The first fields are the documented public contract; the last ones are
 * optional and exist to refuse what the formula does not cover, or to tell private conventionné
 * dwellings (APL without RLS) from social housing.
 */
export const ZHousingBenefitInput = z
  .object({
    /** Month computed, YYYY-MM; parameters are those in force on its first day. */
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Mois invalide (AAAA-MM).' }),
    zone: z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'Zone 1, 2 ou 3 attendue.' }),
    /** Monthly rent in euros, charges excluded. */
    monthlyRent: z
      .number({ message: 'Loyer invalide.' })
      .min(0, { message: 'Le loyer ne peut pas être négatif.' })
      .max(20_000, { message: 'Loyer invraisemblable.' }),
    couple: flag('Couple'),
    dependants: z
      .number({ message: 'Nombre de personnes à charge invalide.' })
      .int({ message: 'Nombre entier attendu.' })
      .min(0, { message: 'Le nombre de personnes à charge ne peut pas être négatif.' })
      .max(MAX_DEPENDANTS, { message: `Au plus ${MAX_DEPENDANTS} personnes à charge.` }),
    /** The CAF annual resource base in euros, before its rounding up to the next 100 €. */
    annualResources: z
      .number({ message: 'Ressources invalides.' })
      .min(0, { message: 'Les ressources ne peuvent pas être négatives.' })
      .max(2_000_000, { message: 'Ressources invraisemblables.' }),
    conventioned: flag('Logement conventionné'),
    furnished: flag('Meublé'),
    flatShare: flag('Colocation'),
    room: flag('Chambre'),
    disabledMember: flag('Personne handicapée'),
    /** Landlord is a social landlord (HLM): with `conventioned`, the RLS applies. Default: conventioned. */
    socialLandlord: flag('Bailleur social').optional(),
    overseas: flag('Outre-mer').default(false),
    housingType: z.enum(HOUSING_TYPES, { message: 'Type de logement inconnu.' }).default('ordinary'),
  })
  .strict();
export type THousingBenefitInput = z.input<typeof ZHousingBenefitInput>;
export type THousingBenefitRequest = z.infer<typeof ZHousingBenefitInput>;

export const AID_KINDS = ['APL', 'ALF', 'ALS'] as const;
export type AidKind = (typeof AID_KINDS)[number];
export const AID_KIND_LABELS: Record<AidKind, string> = {
  APL: 'Aide personnalisée au logement (APL)',
  ALF: 'Allocation de logement familiale (ALF)',
  ALS: 'Allocation de logement sociale (ALS)',
};

export const CEILING_BASES = ['single', 'couple', 'dependants'] as const;
export type CeilingBasis = (typeof CEILING_BASES)[number];

/** Every intermediate amount, in euros (rates as fractions), unrounded where the rule keeps them so. */
export const ZHousingBenefitBreakdown = z.object({
  aidKind: z.enum(AID_KINDS),
  roundedResources: z.number(),
  actualRent: z.number(),
  furnishedCoefficientApplied: z.boolean(),
  ceilingBasis: z.enum(CEILING_BASES),
  rentCeiling: z.number(),
  retainedRent: z.number(),
  flatCharges: z.number(),
  referenceCeiling: z.number(),
  r0: z.number(),
  familyRate: z.number(),
  rentRatio: z.number(),
  rentRate: z.number(),
  participationRate: z.number(),
  minimumContribution: z.number(),
  personalContribution: z.number(),
  aidBeforeThreshold: z.number(),
  paymentThreshold: z.number(),
  belowPaymentThreshold: z.boolean(),
  degressivityThreshold: z.number(),
  suppressionThreshold: z.number(),
  degressivityCoefficient: z.number(),
  aidAfterDegressivity: z.number(),
  flatDeduction: z.number(),
  rlsIncomeCeiling: z.number().nullable(),
  rlsDeduction: z.number(),
  aidBeforeCrds: z.number(),
  crds: z.number(),
  scalesUsed: z.array(z.object({ family: z.enum(SCALE_FAMILIES), effectiveFrom: z.string() })),
});
export type THousingBenefitBreakdown = z.infer<typeof ZHousingBenefitBreakdown>;

export const ZHousingBenefitResult = z.object({
  /** Euros paid per month, after every deduction. */
  monthlyAmount: z.number(),
  /** RLS the landlord takes off the rent each month, 0 if none. */
  rlsMonthly: z.number(),
  breakdown: ZHousingBenefitBreakdown,
});
export type THousingBenefitResult = z.infer<typeof ZHousingBenefitResult>;

export const ZOutOfScope = z.object({
  error: z.object({ code: z.literal('OUT_OF_SCOPE'), message: z.string() }),
});

/** A batch answers, in input order, either a result or an OUT_OF_SCOPE error for that item. */
export const ZHousingBenefitBatchInput = z
  .array(ZHousingBenefitInput)
  .min(1, { message: 'Au moins une demande attendue.' })
  .max(MAX_BATCH, { message: `Au plus ${MAX_BATCH} demandes par appel.` });
export const ZHousingBenefitBatchResult = z.array(z.union([ZHousingBenefitResult, ZOutOfScope]));

/** A scale as listed: where it comes from and, on request, its values. */
export const ZScaleSummary = z.object({
  family: z.enum(SCALE_FAMILIES),
  label: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  source: z.string(),
  origin: z.enum(['file', 'admin']),
  values: z.record(z.string(), z.unknown()).optional(),
});
export type TScaleSummary = z.infer<typeof ZScaleSummary>;

export const ZScaleList = z.object({
  scales: z.array(ZScaleSummary),
  /** Months the estimator can compute: from the first month every family is known to the last. */
  coverage: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
});
export type TScaleList = z.infer<typeof ZScaleList>;

export const ZScaleListQuery = z.object({
  full: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const ZCreateScale = ZHousingBenefitScale;
