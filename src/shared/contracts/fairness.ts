import { z } from 'zod';
import { ZIsoDate } from './common.ts';

/**
 * The fairness view of matching (issue 12 point 6; allocation-rules.md §4.7, §4.10, §6.4): the
 * proposals designated in a period, their refusals by party and their allocations, counted by
 * household profile, with the time from entering the pool to the allocation. Aggregate only: no
 * household is named, and a count from 1 to 4 is masked unless the reader's own pool holds every
 * household behind it (small-cell suppression).
 */

/** Below this, a count is masked to whoever does not hold every household in it. */
export const SMALL_CELL_THRESHOLD = 5;

export const COMPOSITIONS = ['single', 'couple', 'single_parent', 'couple_with_children', 'other'] as const;
export type Composition = (typeof COMPOSITIONS)[number];
export const COMPOSITION_LABELS: Record<Composition, string> = {
  single: 'Personne seule',
  couple: 'Couple sans enfant',
  single_parent: 'Famille monoparentale',
  couple_with_children: 'Couple avec enfants',
  other: 'Autre composition',
};

/** Monthly resources per consumption unit (OECD modified scale), in bands: see fairness.ts. */
export const INCOME_BANDS = ['none', 'under_500', 'from_500', 'from_900', 'from_1300'] as const;
export type IncomeBand = (typeof INCOME_BANDS)[number];
export const INCOME_BAND_LABELS: Record<IncomeBand, string> = {
  none: 'Aucune ressource déclarée',
  under_500: 'Moins de 500 € par unité de consommation',
  from_500: 'De 500 € à 899 € par unité de consommation',
  from_900: 'De 900 € à 1 299 € par unité de consommation',
  from_1300: '1 300 € ou plus par unité de consommation',
};

export const PRIORITY_STATUSES = ['dalo', 'priority_category', 'none'] as const;
export type PriorityStatus = (typeof PRIORITY_STATUSES)[number];
export const PRIORITY_STATUS_LABELS: Record<PriorityStatus, string> = {
  dalo: 'Reconnu prioritaire DALO',
  priority_category: 'Catégorie prioritaire (article L441-1), sans DALO',
  none: 'Ni DALO ni catégorie prioritaire',
};

export const ORIGINS = ['shelter', 'hotel', 'street', 'hosted', 'other'] as const;
export type Origin = (typeof ORIGINS)[number];
export const ORIGIN_LABELS: Record<Origin, string> = {
  shelter: 'Hébergement d’urgence ou CHRS',
  hotel: 'Hôtel',
  street: 'Rue (sans abri)',
  hosted: 'Hébergé chez un tiers',
  other: 'Autre situation',
};

/** The four ways the view cuts the proposals, each one table. */
export const FAIRNESS_DIMENSIONS = ['composition', 'income', 'priority', 'origin'] as const;
export type FairnessDimension = (typeof FAIRNESS_DIMENSIONS)[number];
export const FAIRNESS_DIMENSION_LABELS: Record<FairnessDimension, string> = {
  composition: 'Composition du ménage',
  income: 'Ressources mensuelles par unité de consommation',
  priority: 'Statut prioritaire',
  origin: 'Situation d’origine',
};

/** The counts of a row; `allocationDelays` counts the allocations whose delay is known. */
export const FAIRNESS_MEASURES = [
  'proposals',
  'householdRefusals',
  'landlordRefusals',
  'commissionRefusals',
  'allocations',
  'allocationDelays',
] as const;
export type FairnessMeasure = (typeof FAIRNESS_MEASURES)[number];
export const FAIRNESS_MEASURE_LABELS: Record<FairnessMeasure, string> = {
  proposals: 'Propositions',
  householdRefusals: 'Refus du ménage (ou sans réponse)',
  landlordRefusals: 'Refus du bailleur',
  commissionRefusals: 'Refus de la commission',
  allocations: 'Attributions',
  allocationDelays: 'Attributions dont le délai est connu',
};

export const ZFairnessQuery = z
  .object({
    /** Designation days, inclusive (Europe/Paris calendar days). */
    from: ZIsoDate,
    to: ZIsoDate,
  })
  .superRefine((q, ctx) => {
    if (q.to < q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'La fin de la période précède son début.' });
  });
export type TFairnessQuery = z.infer<typeof ZFairnessQuery>;

/**
 * A count, or null when masked: under the threshold, or its complement (which may be larger: the two
 * read the same, so the complement's size tells nothing of the small count).
 */
const ZCount = z.number().int().nullable();

export const ZFairnessRow = z.object({
  counts: z.object(
    Object.fromEntries(FAIRNESS_MEASURES.map((m) => [m, ZCount])) as Record<FairnessMeasure, typeof ZCount>,
  ),
  /** Median days from entering the pool (ready) to the allocation: null when none or masked. */
  medianDaysToAllocation: z.number().int().nullable(),
});
export type TFairnessRow = z.infer<typeof ZFairnessRow>;

const table = <V extends readonly [string, ...string[]], D extends FairnessDimension>(
  dimension: D,
  values: V,
) =>
  z.object({
    dimension: z.literal(dimension),
    rows: z.array(ZFairnessRow.extend({ value: z.enum(values) })),
  });

export const ZFairnessTable = z.discriminatedUnion('dimension', [
  table('composition', COMPOSITIONS),
  table('income', INCOME_BANDS),
  table('priority', PRIORITY_STATUSES),
  table('origin', ORIGINS),
]);
export type TFairnessTable = z.infer<typeof ZFairnessTable>;

/** Whose proposals the reader sees: its département's, or those on its own vacancies (a landlord). */
export const FAIRNESS_SCOPES = ['departement', 'landlord'] as const;
export type FairnessScope = (typeof FAIRNESS_SCOPES)[number];

export const ZFairnessView = z.object({
  from: z.string(),
  to: z.string(),
  scope: z.enum(FAIRNESS_SCOPES),
  /** The département's name (scope `departement`), null when the organisation is placed nowhere. */
  departementName: z.string().nullable(),
  /** Whether the reader holds a pool: its own households' cells are shown whole. */
  holdsPool: z.boolean(),
  /** Every proposal of the period, one row for the four tables. */
  total: ZFairnessRow,
  tables: z.array(ZFairnessTable),
});
export type TFairnessView = z.infer<typeof ZFairnessView>;
