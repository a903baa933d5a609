import { z } from 'zod';
import { ZIsoDate } from './common.ts';
import { SCALE_FAMILIES, ZHousingBenefitScale } from '../calculators/housing-benefit-scales.ts';
import { CEILING_ZONES, HOUSING_FINANCINGS } from '../calculators/social-housing-ceilings.ts';

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

// ——— Eviction-timeline calculator (issue 11, point 7) ———

export const LANDLORD_KINDS = ['legal_person', 'natural_person'] as const;
export type LandlordKind = (typeof LANDLORD_KINDS)[number];
export const LANDLORD_KIND_LABELS: Record<LandlordKind, string> = {
  legal_person: 'Personne morale (bailleur social, SEM, société…)',
  natural_person: 'Personne physique (ou SCI familiale)',
};

export const BENEFIT_PAYEES = ['landlord', 'tenant', 'none'] as const;
export type BenefitPayee = (typeof BENEFIT_PAYEES)[number];
export const BENEFIT_PAYEE_LABELS: Record<BenefitPayee, string> = {
  landlord: 'Versée au bailleur (tiers payant)',
  tenant: 'Versée au locataire',
  none: 'Pas d’aide au logement',
};

/** The procedure's steps, in the order the law puts them (the last five form one chain). */
export const PROCEDURE_STEPS = [
  'cafSignalledOn',
  'ccapexReferredOn',
  'commandementServedOn',
  'assignationServedOn',
  'hearingOn',
  'cqlServedOn',
  'cfpRequestedOn',
] as const;
export type ProcedureStep = (typeof PROCEDURE_STEPS)[number];

/** Euros with at most two decimals, within ± max; the calculator turns them into integer cents. */
const euros = (what: string, min: number, max: number) =>
  z
    .number({ error: (i) => (i.input === undefined ? 'Ce champ est obligatoire.' : `${what} invalide.`) })
    .min(min, { message: min === 0 ? `${what} : pas de montant négatif.` : `${what} invraisemblable.` })
    .max(max, { message: `${what} invraisemblable.` })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
      message: `${what} : au centime près (deux décimales au plus).`,
    });

/** The years the calculator covers: every computed date stays a four-digit-year day. */
export const CALCULATOR_YEARS = { first: 1990, last: 2099 } as const;
const day = ZIsoDate.refine(
  (d) => d >= `${CALCULATOR_YEARS.first}-01-01` && d <= `${CALCULATOR_YEARS.last}-12-31`,
  { message: `Date hors de la période couverte (${CALCULATOR_YEARS.first}–${CALCULATOR_YEARS.last}).` },
);
const stepDate = day.nullish();

export const MAX_BALANCES = 600;

export const ZEvictionTimelineInput = z
  .object({
    lease: z
      .object({
        signedOn: day,
        landlord: z.enum(LANDLORD_KINDS, { message: 'Bailleur : personne morale ou personne physique.' }),
      })
      .strict(),
    rent: z
      .object({
        monthlyRent: euros('Loyer', 0, 20_000),
        monthlyCharges: euros('Charges', 0, 20_000),
        monthlyHousingBenefit: euros('Aide au logement', 0, 20_000).default(0),
        benefitPaidTo: z.enum(BENEFIT_PAYEES, {
          message: 'Aide versée au bailleur, au locataire, ou pas d’aide.',
        }),
      })
      .strict(),
    /** The tenant's debt from each date until the next entry (the last one holds from then on). */
    balances: z
      .array(z.object({ on: day, amount: euros('Solde', -10_000_000, 10_000_000) }).strict())
      .max(MAX_BALANCES, { message: `Au plus ${MAX_BALANCES} soldes.` }),
    steps: z
      .object(
        Object.fromEntries(PROCEDURE_STEPS.map((s) => [s, stepDate])) as Record<
          ProcedureStep,
          typeof stepDate
        >,
      )
      .strict()
      .default({}),
  })
  .strict();
export type TEvictionTimelineInput = z.input<typeof ZEvictionTimelineInput>;
export type TEvictionTimelineRequest = z.infer<typeof ZEvictionTimelineInput>;

export const DEADLINE_CODES = [
  'impayeConstitutedOn',
  'signallingDueBy',
  'commandementDelayEndsOn',
  'earliestAssignationOn',
  'prefetNoticeLatestOn',
  'earliestExpulsionOn',
  'cfpImplicitRefusalOn',
] as const;
export type DeadlineCode = (typeof DEADLINE_CODES)[number];

export const ZDeadline = z.object({ date: ZIsoDate, rule: z.string() }).nullable();
export type TDeadline = z.infer<typeof ZDeadline>;

export const ZEvictionTimelineResult = z.object({
  deadlines: z.object(
    Object.fromEntries(DEADLINE_CODES.map((c) => [c, ZDeadline])) as Record<DeadlineCode, typeof ZDeadline>,
  ),
});
export type TEvictionTimelineResult = z.infer<typeof ZEvictionTimelineResult>;

/**
 * A batch item is read on its own, so that a malformed one answers its error in its place: the
 * body is only an array here, each item is checked against ZEvictionTimelineInput.
 */
export const ZEvictionTimelineBatchInput = z
  .array(z.unknown().describe('Un corps de POST /api/calculators/eviction-timeline'))
  .min(1, { message: 'Au moins une demande attendue.' })
  .max(MAX_BATCH, { message: `Au plus ${MAX_BATCH} demandes par appel.` });

export const ZItemError = z.object({
  error: z.object({
    code: z.enum(['VALIDATION_FAILED', 'INCONSISTENT_INPUT']),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type TItemError = z.infer<typeof ZItemError>;
export const ZEvictionTimelineBatchResult = z.array(z.union([ZEvictionTimelineResult, ZItemError]));

// ——— Social-housing eligibility calculator (issue 12, point 7) ———

const wholeNumber = (what: string, min: number, max: number, minMessage: string) =>
  z
    .number({ error: (i) => (i.input === undefined ? 'Ce champ est obligatoire.' : `${what} invalide.`) })
    .int({ message: `${what} : nombre entier attendu.` })
    .min(min, { message: minMessage })
    .max(max, { message: `${what} invraisemblable.` });

export const MAX_HOUSEHOLD_PERSONS = 30;

/** Annual euros of revenu fiscal de référence (or of income over 12 months), never negative. */
const annualIncome = (what: string) =>
  z
    .number({ error: (i) => (i.input === undefined ? 'Ce champ est obligatoire.' : `${what} invalide.`) })
    .min(0, { message: `${what} : pas de montant négatif.` })
    .max(100_000_000, { message: `${what} invraisemblable.` });

/**
 * One eligibility question: a household against the ceilings of a dwelling's financing and zone
 * for the commission's year (allocation-rules.md §1.2–1.6). `persons` counts everyone who will
 * live in the dwelling, `dependants` those of them who are personnes à charge; `coupleAgeSum` is
 * needed only for a couple without dependants (jeune ménage). Annual euros.
 */
export const ZSocialHousingEligibilityInput = z
  .object({
    year: z
      .number({ error: (i) => (i.input === undefined ? 'Ce champ est obligatoire.' : 'Année invalide.') })
      .int({ message: 'Année : nombre entier attendu.' }),
    financing: z.enum(HOUSING_FINANCINGS, { message: 'Financement PLAI, PLUS ou PLS attendu.' }),
    zone: z.enum(CEILING_ZONES, {
      message: 'Zone paris_limitrophes, ile_de_france ou autres_regions attendue.',
    }),
    persons: wholeNumber(
      'Nombre de personnes',
      1,
      MAX_HOUSEHOLD_PERSONS,
      'Au moins une personne vivra dans le logement.',
    ),
    dependants: wholeNumber(
      'Nombre de personnes à charge',
      0,
      MAX_HOUSEHOLD_PERSONS,
      'Le nombre de personnes à charge ne peut pas être négatif.',
    ),
    couple: flag('Couple'),
    coupleAgeSum: wholeNumber('Somme des âges', 0, 300, 'La somme des âges ne peut pas être négative.')
      .nullable()
      .default(null),
    disabledMember: flag('Personne en situation de handicap'),
    incomeN2: annualIncome('Revenu fiscal de référence N-2'),
    incomeN1: annualIncome('Revenu fiscal de référence N-1').nullable().default(null),
    incomeLast12Months: annualIncome('Revenus des 12 derniers mois').nullable().default(null),
  })
  .strict()
  .refine((b) => b.dependants < b.persons, {
    path: ['dependants'],
    message:
      'Les personnes à charge sont comptées parmi les personnes du foyer : moins que le nombre de personnes attendu.',
  });
export type TSocialHousingEligibilityInput = z.input<typeof ZSocialHousingEligibilityInput>;
export type TSocialHousingEligibilityRequest = z.infer<typeof ZSocialHousingEligibilityInput>;

export const INCOME_SOURCES = ['n2', 'n1', 'last12Months'] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];

export const ZSocialHousingEligibilityResult = z.object({
  /** Household category 1 to 6 (allocation-rules.md §1.3). */
  category: z.number().int().min(1).max(6),
  /** Persons counted beyond category 6, each adding the table's per-person amount. */
  extraPersons: z.number().int().min(0),
  /** The ceiling in annual euros. */
  ceiling: z.number(),
  /** The income the answer rests on ("n2" when not eligible). */
  incomeUsed: z.enum(INCOME_SOURCES),
  eligible: z.boolean(),
});
export type TSocialHousingEligibilityResult = z.infer<typeof ZSocialHousingEligibilityResult>;

/** A batch is read as an array only: each item is checked on its own and answers in its place. */
export const ZSocialHousingEligibilityBatchInput = z
  .array(z.unknown().describe('Un corps de POST /api/calculators/social-housing-eligibility'))
  .min(1, { message: 'Au moins une demande attendue.' })
  .max(MAX_BATCH, { message: `Au plus ${MAX_BATCH} demandes par appel.` });

export const ZEligibilityItemError = z.object({
  error: z.object({
    code: z.enum(['VALIDATION_FAILED', 'OUT_OF_SCOPE', 'INCONSISTENT_INPUT']),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type TEligibilityItemError = z.infer<typeof ZEligibilityItemError>;
export const ZSocialHousingEligibilityBatchResult = z.array(
  z.union([ZSocialHousingEligibilityResult, ZEligibilityItemError]),
);
