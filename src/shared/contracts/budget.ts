import { z } from 'zod';
import { ZCents, ZId, ZIsoDate } from './common.ts';
import {
  EXPENSE_CATEGORIES,
  RELATIONSHIPS,
  RESOURCE_TYPES,
  type ExpenseCategory,
} from './household-enums.ts';
import { AID_KINDS } from './calculators.ts';
import { ZTerritoryRef } from './organisations.ts';

/** Consumption-unit scales a territory may choose for the reste à vivre. */
export const CONSUMPTION_UNIT_SCALES = ['oecd_modified', 'caf', 'per_person'] as const;
export type ConsumptionUnitScale = (typeof CONSUMPTION_UNIT_SCALES)[number];
export const CONSUMPTION_UNIT_SCALE_LABELS: Record<ConsumptionUnitScale, string> = {
  oecd_modified:
    'Échelle OCDE modifiée (1 UC pour le premier adulte, 0,5 par personne de 14 ans ou plus, 0,3 par enfant de moins de 14 ans)',
  caf: 'Échelle CAF (OCDE modifiée + 0,2 UC pour une famille monoparentale)',
  per_person: 'Par personne (1 UC par occupant)',
};

/** Divisor that turns a monthly amount into a daily one. */
export const DAYS_PER_MONTH = ['30', '30.42', 'calendar'] as const;
export type DaysPerMonth = (typeof DAYS_PER_MONTH)[number];
export const DAYS_PER_MONTH_LABELS: Record<DaysPerMonth, string> = {
  '30': '30 jours par mois',
  '30.42': '30,42 jours par mois (365 / 12)',
  calendar: 'Nombre de jours du mois calendaire',
};

/** Rent and charges are always the housing cost; a convention may add other categories to it. */
export const ALWAYS_HOUSING_COST: readonly ExpenseCategory[] = ['rent', 'charges'];
const OTHER_CATEGORIES = EXPENSE_CATEGORIES.filter((c) => !ALWAYS_HOUSING_COST.includes(c)) as [
  ExpenseCategory,
  ...ExpenseCategory[],
];

const ZCategoryList = z
  .array(
    z.enum(OTHER_CATEGORIES, {
      message: 'Catégorie invalide (le loyer et les charges comptent toujours dans le coût du logement).',
    }),
  )
  .max(OTHER_CATEGORIES.length)
  .refine((list) => new Set(list).size === list.length, { message: 'Catégorie en double.' });

/** Monthly amounts by household size: index 0 = 1 person; the last value applies beyond. */
const ZAmountsBySize = z
  .array(ZCents)
  .min(1, { message: 'Au moins un montant (ménage d’une personne).' })
  .max(12, { message: 'Au plus 12 tailles de ménage.' });

/** FSL-style estimate of a dwelling's charges ("règle de calcul du FSL", Lille: heating 0,75 €/m²). */
export const ZFslChargesParameters = z.object({
  heatingCentsPerM2: z.number().int({ message: 'Centimes entiers attendus.' }).min(0).max(10_000),
  waterCentsPerPerson: ZCents,
  electricityCentsBySize: ZAmountsBySize,
  insuranceCentsBySize: ZAmountsBySize,
  phoneCentsBySize: ZAmountsBySize,
});
export type TFslChargesParameters = z.infer<typeof ZFslChargesParameters>;

/** Expense categories an FSL estimate stands for (they are not counted again as fixed expenses). */
export const FSL_ESTIMATE_CATEGORIES: readonly ExpenseCategory[] = [
  'charges',
  'energy',
  'insurance',
  'phone',
];

export const ZBudgetConventionValues = z
  .object({
    /** Shown next to every figure, e.g. « Règle FSL du Nord ». */
    name: z.string().trim().min(1, { message: 'Nom obligatoire.' }).max(200),
    consumptionUnitScale: z.enum(CONSUMPTION_UNIT_SCALES, { message: 'Échelle inconnue.' }),
    daysPerMonth: z.enum(DAYS_PER_MONTH, { message: 'Nombre de jours inconnu.' }),
    /** Categories added to rent + charges in the taux d'effort and the reste à vivre. */
    housingCostCategories: ZCategoryList,
    /** Constrained expenses also taken off the reste à vivre. */
    fixedExpenseCategories: ZCategoryList,
    effortRateThresholdPercent: z.number().min(0).max(100).default(30),
    /** Warning when the reste à vivre per consumption unit per day is below it. */
    resteAVivreThresholdCents: ZCents,
    fslCharges: ZFslChargesParameters,
    source: z.string().trim().min(1, { message: 'Source obligatoire.' }).max(500),
  })
  .superRefine((v, ctx) => {
    for (const c of v.fixedExpenseCategories) {
      if (v.housingCostCategories.includes(c)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fixedExpenseCategories'],
          message: 'Une catégorie compte soit dans le coût du logement, soit dans les dépenses contraintes.',
        });
        return;
      }
    }
  });
export type TBudgetConventionValues = z.output<typeof ZBudgetConventionValues>;

export const ZBudgetConventionCreate = z
  .object({
    /** The département (territory of kind departement). */
    territoryId: ZId,
    effectiveFrom: ZIsoDate,
    effectiveTo: ZIsoDate.nullish(),
    values: ZBudgetConventionValues,
  })
  .refine((c) => !c.effectiveTo || c.effectiveTo >= c.effectiveFrom, {
    path: ['effectiveTo'],
    message: 'La date de fin précède la date de début.',
  });
export type TBudgetConventionCreate = z.input<typeof ZBudgetConventionCreate>;

export const ZBudgetConvention = z.object({
  /** null: the default convention shipped with Relais. */
  id: ZId.nullable(),
  territoryId: ZId.nullable(),
  territoryName: z.string().nullable(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  values: ZBudgetConventionValues,
});
export type TBudgetConvention = z.infer<typeof ZBudgetConvention>;
export const ZBudgetConventionList = z.object({
  /** The département the conventions are for (null: the organisation has no territory). */
  departement: ZTerritoryRef.nullable(),
  items: z.array(ZBudgetConvention),
  default: ZBudgetConvention,
});
export type TBudgetConventionList = z.infer<typeof ZBudgetConventionList>;
export const ZBudgetConventionQuery = z.object({ territoryId: ZId.optional() });

/** The convention as shown next to a figure, in French. */
export const ZConventionUsed = z.object({
  name: z.string(),
  origin: z.string(),
  consumptionUnits: z.string(),
  daysPerMonth: z.string(),
  housingCost: z.string(),
  fixedExpenses: z.string(),
  effortRateThresholdPercent: z.number(),
  resteAVivreThresholdCents: z.number().int(),
});
export type TConventionUsed = z.infer<typeof ZConventionUsed>;

export const TYPOLOGIES = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'] as const;
export type Typology = (typeof TYPOLOGIES)[number];

const flag = (label: string) => z.boolean({ message: `${label} : vrai ou faux attendu.` });

/** A target dwelling ("et si le ménage habitait ici ?"). */
export const ZTargetDwelling = z.object({
  typology: z.enum(TYPOLOGIES, { message: 'Typologie T1 à T6 attendue.' }),
  surfaceM2: z
    .number({ message: 'Surface invalide.' })
    .positive({ message: 'La surface doit être positive.' })
    .max(500, { message: 'Surface invraisemblable.' })
    .refine((v) => Number.isInteger(v * 10), { message: 'Surface au dixième de m² près.' }),
  monthlyRentCents: ZCents,
  /** null: estimated with the territory's FSL rule. */
  monthlyChargesCents: ZCents.nullable(),
  zone: z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'Zone 1, 2 ou 3 attendue.' }),
  conventioned: flag('Logement conventionné'),
  socialLandlord: flag('Bailleur social'),
  furnished: flag('Meublé'),
  /** CAF annual resource base in cents, when known (notice CAF); otherwise derived (× 12). */
  annualResourcesOverrideCents: ZCents.nullable().default(null),
});
export type TTargetDwelling = z.output<typeof ZTargetDwelling>;
export type TTargetDwellingInput = z.input<typeof ZTargetDwelling>;

const ZLabel = z
  .string({ message: 'Libellé obligatoire.' })
  .trim()
  .min(1, { message: 'Libellé obligatoire.' })
  .max(200, { message: '200 caractères au plus.' });

export const ZScenarioCreate = ZTargetDwelling.extend({ label: ZLabel });
export type TScenarioCreate = z.output<typeof ZScenarioCreate>;
export type TScenarioCreateInput = z.input<typeof ZScenarioCreate>;
/** The version is compared in SQL with an integer column: a larger one matches none and would fail the query. */
export const ZScenarioUpdate = ZScenarioCreate.extend({
  rowVersion: z.number().int().min(1).max(2_147_483_647),
});
export type TScenarioUpdate = z.output<typeof ZScenarioUpdate>;
export const ZScenarioParams = z.object({ id: ZId, scenarioId: ZId });

export const ZScenario = ZTargetDwelling.extend({
  id: ZId,
  label: z.string(),
  rowVersion: z.number().int(),
  createdBy: ZId.nullable(),
  createdAt: z.string(),
});
export type TScenario = z.infer<typeof ZScenario>;

/** A household member as the budget needs it. */
export const ZBudgetMember = z.object({
  age: z.number().int().min(0).max(130).nullable(),
  relationship: z.enum(RELATIONSHIPS, { message: 'Lien de parenté invalide.' }),
});
export type TBudgetMember = z.infer<typeof ZBudgetMember>;

export const ZEffortRate = z.object({
  /** Percent, rounded half up to 0.1 point; null when not computable. */
  percent: z.number().nullable(),
  reason: z.string().nullable(),
  housingCostCents: z.number().int(),
  resourcesCents: z.number().int(),
  formula: z.string(),
});
export type TEffortRate = z.infer<typeof ZEffortRate>;

export const ZResteAVivre = z.object({
  /** The three figures are null when not computable (no resource entered), with the reason. */
  monthlyCents: z.number().int().nullable(),
  perPersonPerDayCents: z.number().int().nullable(),
  perUnitPerDayCents: z.number().int().nullable(),
  reason: z.string().nullable(),
  persons: z.number().int(),
  consumptionUnits: z.number(),
  days: z.number(),
  fixedExpensesCents: z.number().int(),
  formula: z.string(),
});
export type TResteAVivre = z.infer<typeof ZResteAVivre>;

export const BUDGET_WARNING_CODES = [
  'EFFORT_ABOVE_THRESHOLD',
  'EFFORT_NOT_COMPUTABLE',
  'RAV_BELOW_THRESHOLD',
  'RAV_NOT_COMPUTABLE',
  'BENEFIT_NOT_ESTIMATED',
] as const;
export const ZBudgetWarning = z.object({ code: z.enum(BUDGET_WARNING_CODES), message: z.string() });
export type TBudgetWarning = z.infer<typeof ZBudgetWarning>;

export const ZChargeLine = z.object({
  key: z.string(),
  label: z.string(),
  basis: z.string(),
  cents: z.number().int(),
});
export const ZChargesEstimate = z.object({
  source: z.enum(['given', 'estimated']),
  monthlyCents: z.number().int(),
  lines: z.array(ZChargeLine),
});
export type TChargesEstimate = z.infer<typeof ZChargesEstimate>;

export const ZBenefitUsed = z.object({
  source: z.enum(['estimated', 'declared', 'none']),
  monthlyCents: z.number().int(),
  aidKind: z.enum(AID_KINDS).nullable(),
  /** Month whose scales were used (YYYY-MM), with a French note when it is not the current month. */
  period: z.string().nullable(),
  note: z.string(),
  annualResourcesCents: z.number().int().nullable(),
  annualResourcesSource: z.enum(['derived', 'override']).nullable(),
});
export type TBenefitUsed = z.infer<typeof ZBenefitUsed>;

/** Housing cost, benefit, ratios and warnings of one dwelling (current or target). */
export const ZBudgetEvaluation = z.object({
  rentCents: z.number().int(),
  charges: ZChargesEstimate,
  housingBenefit: ZBenefitUsed,
  effortRate: ZEffortRate,
  resteAVivre: ZResteAVivre,
  warnings: z.array(ZBudgetWarning),
});
export type TBudgetEvaluation = z.infer<typeof ZBudgetEvaluation>;

/** Stateless "what if" (public): everything the budget of a target dwelling needs. */
export const ZBudgetCalculatorInput = z.object({
  members: z.array(ZBudgetMember).min(1, { message: 'Le ménage compte au moins une personne.' }).max(20),
  resources: z
    .array(
      z.object({
        type: z.enum(RESOURCE_TYPES, { message: 'Type de ressource invalide.' }),
        monthlyAmountCents: ZCents,
      }),
    )
    .max(100)
    .default([]),
  expenses: z
    .array(
      z.object({
        category: z.enum(EXPENSE_CATEGORIES, { message: 'Catégorie de charge invalide.' }),
        monthlyAmountCents: ZCents,
      }),
    )
    .max(100)
    .default([]),
  disabledMember: flag('Personne handicapée').default(false),
  /** A département or commune: its convention applies (default convention otherwise). */
  territoryId: ZId.nullish(),
  dwelling: ZTargetDwelling,
});
export type TBudgetCalculatorInput = z.input<typeof ZBudgetCalculatorInput>;
export type TBudgetCalculatorRequest = z.output<typeof ZBudgetCalculatorInput>;
export const ZBudgetCalculatorResult = z.object({
  date: z.string(),
  convention: ZConventionUsed,
  resourcesCents: z.number().int(),
  evaluation: ZBudgetEvaluation,
});
export type TBudgetCalculatorResult = z.infer<typeof ZBudgetCalculatorResult>;

export const ZBudget = z.object({
  householdId: ZId,
  date: z.string(),
  convention: ZConventionUsed,
  /** The household as the public calculator takes it, for live "what if" in the browser. */
  calculatorBasis: ZBudgetCalculatorInput.omit({ dwelling: true }),
  income: z.object({
    items: z.array(
      z.object({
        memberIndex: z.number().int().nullable(),
        memberName: z.string().nullable(),
        type: z.enum(RESOURCE_TYPES),
        typeLabel: z.string(),
        monthlyAmountCents: z.number().int(),
      }),
    ),
    /** Resources counted in the ratios: every resource except the housing benefit. */
    totalExcludingHousingBenefitCents: z.number().int(),
    declaredHousingBenefitCents: z.number().int(),
  }),
  expenses: z.object({
    items: z.array(
      z.object({
        category: z.enum(EXPENSE_CATEGORIES),
        label: z.string(),
        monthlyAmountCents: z.number().int(),
      }),
    ),
    totalCents: z.number().int(),
  }),
  debts: z.object({
    items: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        amountCents: z.number().int(),
        repaymentPlan: z.boolean(),
      }),
    ),
    totalCents: z.number().int(),
  }),
  current: ZBudgetEvaluation.nullable(),
  /** Why there is no current evaluation (no rent known, not housed…). */
  currentNote: z.string().nullable(),
  scenarios: z.array(z.object({ scenario: ZScenario, evaluation: ZBudgetEvaluation })),
});
export type TBudget = z.infer<typeof ZBudget>;
