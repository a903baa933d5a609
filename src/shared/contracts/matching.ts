import { z } from 'zod';
import { ZPaging } from './common.ts';

/**
 * The matching policy (issue 12 point 3; allocation-rules.md §7): hard filters are law and not
 * configurable; the ranking's weights, thresholds, cool-off and tie-breakers are, per territory
 * (département), as numbered versions — the one in force is the latest adopted.
 */

/** The ranking signals (§7.3), each shown with its value, points and reference. */
export const SIGNAL_CODES = [
  'dalo',
  'priority_categories',
  'time_in_shelter',
  'demand_age',
  'effort_rate',
  'reste_a_vivre',
  'typology_fit',
  'location_wish',
  'support',
  'accessibility',
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];
export const SIGNAL_LABELS: Record<SignalCode, string> = {
  dalo: 'Reconnaissance DALO',
  priority_categories: 'Catégories prioritaires (L441-1)',
  time_in_shelter: 'Durée en hébergement',
  demand_age: 'Ancienneté de la demande',
  effort_rate: 'Taux d’effort avec l’aide au logement estimée',
  reste_a_vivre: 'Reste à vivre avec l’aide au logement estimée',
  typology_fit: 'Typologie adaptée',
  location_wish: 'Commune souhaitée',
  support: 'Accompagnement prévu',
  accessibility: 'Logement adapté au besoin d’accessibilité',
};

/** The hard filters (§7.2): failing one excludes the household, with why. */
export const FILTER_CODES = [
  'consent',
  'demand',
  'resources',
  'surface',
  'accessibility',
  'cool_off',
  'pending_proposal',
  'allocated',
] as const;
export type FilterCode = (typeof FILTER_CODES)[number];
export const FILTER_LABELS: Record<FilterCode, string> = {
  consent: 'Accord du ménage pour être proposé',
  demand: 'Demande de logement social valide',
  resources: 'Ressources sous le plafond du financement',
  surface: 'Surface minimale pour la taille du ménage',
  accessibility: 'Accessibilité du logement',
  cool_off: 'Délai après un refus',
  pending_proposal: 'Pas déjà proposé sur ce logement',
  allocated: 'Pas de logement déjà attribué',
};

export const TIE_BREAKERS = ['time_in_shelter', 'demand_age', 'dalo_decision'] as const;
export type TieBreaker = (typeof TIE_BREAKERS)[number];
export const TIE_BREAKER_LABELS: Record<TieBreaker, string> = {
  time_in_shelter: 'La plus longue durée en hébergement',
  demand_age: 'La demande la plus ancienne',
  dalo_decision: 'La décision DALO la plus ancienne',
};

const points = (label: string) =>
  z
    .number({ message: `${label} : nombre attendu.` })
    .int({ message: `${label} : nombre entier de points attendu.` })
    .min(0, { message: `${label} : 0 point au moins.` })
    .max(1000, { message: `${label} : 1000 points au plus.` });
const months = (label: string) =>
  z
    .number({ message: `${label} : nombre attendu.` })
    .int({ message: `${label} : nombre entier de mois attendu.` })
    .min(1, { message: `${label} : 1 mois au moins.` })
    .max(240, { message: `${label} : 240 mois au plus.` });

/** The policy's weights and their names (the form, the versions' changes, the schema's messages). */
export const POLICY_WEIGHT_LABELS = {
  dalo: 'DALO',
  perPriorityCategory: 'Par catégorie prioritaire',
  perShelterMonth: 'Par mois en hébergement',
  perDemandMonth: 'Par mois d’ancienneté de la demande',
  effortWithinThreshold: 'Taux d’effort sous le seuil',
  resteAVivreAboveThreshold: 'Reste à vivre au-dessus du seuil',
  usualTypology: 'Typologie habituelle',
  wishedCommune: 'Commune souhaitée',
  supportInPlace: 'Accompagnement en place',
  adaptedDwelling: 'Logement adapté au besoin',
} as const;
export type PolicyWeight = keyof typeof POLICY_WEIGHT_LABELS;
export const POLICY_CAP_LABELS = {
  priorityCategories: 'Catégories prioritaires comptées au plus',
  shelterMonths: 'Mois en hébergement comptés au plus',
  demandMonths: 'Mois d’ancienneté comptés au plus',
} as const;

const L = POLICY_WEIGHT_LABELS;
export const ZMatchingPolicyParams = z
  .object({
    weights: z.object({
      dalo: points(L.dalo),
      perPriorityCategory: points(L.perPriorityCategory),
      perShelterMonth: points(L.perShelterMonth),
      perDemandMonth: points(L.perDemandMonth),
      effortWithinThreshold: points(L.effortWithinThreshold),
      resteAVivreAboveThreshold: points(L.resteAVivreAboveThreshold),
      usualTypology: points(L.usualTypology),
      wishedCommune: points(L.wishedCommune),
      supportInPlace: points(L.supportInPlace),
      adaptedDwelling: points(L.adaptedDwelling),
    }),
    /** Counted up to these (a grid caps its time criteria, §3.5). */
    caps: z.object({
      priorityCategories: z
        .number({ message: 'Nombre attendu.' })
        .int({ message: 'Nombre entier attendu.' })
        .min(1, { message: '1 catégorie au moins.' })
        .max(10, { message: '10 catégories au plus.' }),
      shelterMonths: months(POLICY_CAP_LABELS.shelterMonths),
      demandMonths: months(POLICY_CAP_LABELS.demandMonths),
    }),
    thresholds: z.object({
      /** Taux d'effort at or under which the signal counts, in percent (landlord practice, §4.8). */
      effortRatePercent: z
        .number({ message: 'Nombre attendu.' })
        .min(5, { message: '5 % au moins.' })
        .max(80, { message: '80 % au plus.' }),
      /** Reste à vivre per consumption unit per day at or above which the signal counts, in cents. */
      resteAVivrePerUnitPerDayCents: z
        .number({ message: 'Nombre attendu.' })
        .int({ message: 'Montant en centimes attendu.' })
        .min(0, { message: 'Montant positif attendu.' })
        .max(10_000, { message: '100 € par jour au plus.' }),
    }),
    /** Days after a refusal before the household is proposed again for the same typology (§4.7). */
    coolOffDays: z
      .number({ message: 'Nombre attendu.' })
      .int({ message: 'Nombre entier de jours attendu.' })
      .min(0, { message: '0 jour au moins.' })
      .max(730, { message: '730 jours au plus.' }),
    tieBreakers: z
      .array(z.enum(TIE_BREAKERS, { message: 'Critère de départage inconnu.' }))
      .min(1, { message: 'Au moins un critère de départage.' })
      .max(TIE_BREAKERS.length)
      .refine((list) => new Set(list).size === list.length, { message: 'Un critère est cité deux fois.' }),
  })
  .strict();
export type TMatchingPolicyParams = z.infer<typeof ZMatchingPolicyParams>;

/** A hard filter applied to one household for one dwelling: passed or not, the figures compared. */
export const ZFilterResult = z.object({
  code: z.enum(FILTER_CODES),
  label: z.string(),
  passed: z.boolean(),
  /** The comparison in words (« RFR 2024 : 19 840 € ≤ plafond PLAI 2026 … : 22 356 € »). */
  detail: z.string(),
  /** The legal text or rule it rests on. */
  reference: z.string(),
});
export type TFilterResult = z.infer<typeof ZFilterResult>;

/** A ranking signal: its value for this household and dwelling, the points it gives and why. */
export const ZSignalResult = z.object({
  code: z.enum(SIGNAL_CODES),
  label: z.string(),
  /** The value in words, with where it comes from (« 14 mois depuis le 3 octobre 2025 (dossier) »). */
  value: z.string(),
  points: z.number().int(),
  /** The weight as the policy states it (« 2 points par mois, 24 mois au plus »). */
  weight: z.string(),
  reference: z.string(),
});
export type TSignalResult = z.infer<typeof ZSignalResult>;

/** Why a household is (or is not) a candidate for a dwelling, under one policy version. */
export const ZCandidateExplanation = z.object({
  policyVersion: z.number().int().min(0),
  filters: z.array(ZFilterResult),
  signals: z.array(ZSignalResult),
  /** The sum of the signals' points (0 for an excluded household: it is not ranked). */
  points: z.number().int(),
});
export type TCandidateExplanation = z.infer<typeof ZCandidateExplanation>;

/** A household of the reader's organisation's view, for one vacancy: who it is and why it stands where it does. */
export const ZCandidate = z.object({
  householdId: z.string(),
  fileLabel: z.string(),
  name: z.string(),
  persons: z.number().int(),
  poolName: z.string(),
  /** Its place among every candidate of the département's pools (null: excluded). */
  rank: z.number().int().nullable(),
  explanation: ZCandidateExplanation,
});
export type TCandidate = z.infer<typeof ZCandidate>;

/** A page of the reader's candidates (`page`) and one of its excluded households (`excludedPage`). */
export const ZCandidatesQuery = ZPaging.extend({
  excludedPage: z.coerce.number().int().min(1).default(1),
});
export type TCandidatesQuery = z.infer<typeof ZCandidatesQuery>;

export const ZCandidateList = z.object({
  vacancyId: z.string(),
  policyVersion: z.number().int(),
  /** Every household considered and every candidate, the reader's or not (counts only). */
  considered: z.number().int(),
  eligible: z.number().int(),
  /** The reader's households: a page of its candidates in rank order, and one of its excluded ones. */
  candidates: z.array(ZCandidate),
  excluded: z.array(ZCandidate),
  /** How many of each the reader has in all, and the pages shown. */
  candidateCount: z.number().int(),
  excludedCount: z.number().int(),
  page: z.number().int(),
  excludedPage: z.number().int(),
  pageSize: z.number().int(),
  /** Whether the reader may designate (a pool holder of the département). */
  canDesignate: z.boolean(),
});
export type TCandidateList = z.infer<typeof ZCandidateList>;

export const ZMatchingPolicyVersion = z.object({
  version: z.number().int(),
  params: ZMatchingPolicyParams,
  note: z.string(),
  adoptedAt: z.string().nullable(),
  adoptedBy: z.string().nullable(),
  /** The changes from the previous version, in French. */
  changes: z.array(z.string()),
});
export type TMatchingPolicyVersion = z.infer<typeof ZMatchingPolicyVersion>;

export const ZMatchingPolicy = z.object({
  territoryName: z.string(),
  inForce: ZMatchingPolicyVersion,
  /** Earlier versions, the latest first (version 0 is the default policy). */
  history: z.array(ZMatchingPolicyVersion),
  canAdopt: z.boolean(),
});
export type TMatchingPolicy = z.infer<typeof ZMatchingPolicy>;

export const ZPolicyPreviewInput = z.object({ params: ZMatchingPolicyParams });

export const ZPolicyAdoption = z.object({
  params: ZMatchingPolicyParams,
  note: z
    .string({ message: 'Indiquez pourquoi la politique change.' })
    .trim()
    .min(3, { message: 'Indiquez pourquoi la politique change.' })
    .max(1000, { message: '1000 caractères au plus.' }),
  /** The version in force the change was prepared from: another adoption in between is a conflict. */
  basedOnVersion: z.number({ message: 'Version attendue.' }).int().min(0),
});
export type TPolicyAdoption = z.infer<typeof ZPolicyAdoption>;

const ZPlace = z.object({
  candidacies: z.number().int(),
  meanRank: z.number().nullable(),
  topThree: z.number().int(),
});

/** The effect of a policy on today's pool, over the open vacancies of the territory. */
export const ZPolicyImpact = z.object({
  vacancies: z.number().int(),
  households: z.number().int(),
  changes: z.array(z.string()),
  /** The reader's households that move, named; the others counted. */
  moves: z.array(
    z.object({
      householdId: z.string(),
      fileLabel: z.string(),
      name: z.string(),
      before: ZPlace,
      after: ZPlace,
    }),
  ),
  otherMovesUp: z.number().int(),
  otherMovesDown: z.number().int(),
  /** Candidacies gained and lost (a policy changes the cool-off, hence who passes the filters). */
  enteringTopThree: z.number().int(),
  leavingTopThree: z.number().int(),
});
export type TPolicyImpact = z.infer<typeof ZPolicyImpact>;
