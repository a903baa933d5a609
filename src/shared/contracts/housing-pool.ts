import { z } from 'zod';
import { ZCents, ZId, ZIsoDate, ZRowVersion, list } from './common.ts';
import { CONSENT_METHODS, TYPOLOGIES } from './household-enums.ts';
import { READINESS_OPINIONS } from './diagnostics.ts';
import { ZGivenDwelling } from './designations.ts';

/**
 * The pool of households ready to leave (issue 12 point 1; allocation-rules.md §1.2, §3, §4.1, §6.2):
 * a household whose capacity grid's opinion was confirmed « prêt à sortir » enters the pool of the
 * SIAO or association that opens its housing project. The numéro unique, the date entered in the
 * current situation and the DALO decision stay on the household file (one source); the project holds
 * what the pool adds: the wishes, the L441-1 categories, the demand's renewal date, the income
 * figures with their source and the household's consent to be proposed.
 */

/** CCH L441-1 priority categories (allocation-rules.md §3.2): every one that applies is stored. */
export const PRIORITY_CATEGORIES = [
  'a',
  'a_bis',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
] as const;
export type PriorityCategory = (typeof PRIORITY_CATEGORIES)[number];
export const PRIORITY_CATEGORY_LABELS: Record<PriorityCategory, string> = {
  a: 'a) Personne en situation de handicap ou famille ayant à charge une personne handicapée',
  a_bis: 'a bis) Personne sortant d’un appartement de coordination thérapeutique',
  b: 'b) Personne mal logée ou défavorisée, ou en difficulté financière ou d’insertion',
  c: 'c) Personne hébergée ou logée temporairement dans un établissement ou un logement de transition',
  d: 'd) Personne reprenant une activité après une période de chômage de longue durée',
  e: 'e) Personne exposée à des situations d’habitat indigne',
  f: 'f) Personne victime de violences au sein du couple ou menacée de mariage forcé',
  g: 'g) Personne engagée dans un parcours de sortie de la prostitution',
  h: 'h) Victime de la traite des êtres humains ou de proxénétisme',
  i: 'i) Personne ayant un enfant mineur et logée dans des locaux suroccupés ou non décents',
  j: 'j) Personne dépourvue de logement, y compris hébergée par des tiers',
  k: 'k) Personne menacée d’expulsion sans relogement',
  l: 'l) Jeune de moins de 21 ans pris en charge par l’aide sociale à l’enfance',
  m: 'm) Victime de viol ou d’agression sexuelle à son domicile ou à ses abords',
};
/** The short form shown in lists and filters. */
export const PRIORITY_CATEGORY_SHORT: Record<PriorityCategory, string> = Object.fromEntries(
  PRIORITY_CATEGORIES.map((c) => [c, `L441-1 ${PRIORITY_CATEGORY_LABELS[c].split(')')[0]})`]),
) as Record<PriorityCategory, string>;

/** Where an income figure comes from (§1.2): a declared figure is never a verified one. */
export const INCOME_SOURCES = ['rfr_n2', 'rfr_n1', 'last_12_months', 'declared'] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];
export const INCOME_SOURCE_LABELS: Record<IncomeSource, string> = {
  rfr_n2: 'Revenu fiscal de référence N-2 (avis d’imposition)',
  rfr_n1: 'Revenu fiscal de référence N-1 (avis d’imposition)',
  last_12_months: 'Revenus des 12 derniers mois (justificatifs)',
  declared: 'Déclaré par le ménage (non vérifié)',
};

export const ACCESSIBILITY_NEEDS = ['none', 'reduced_mobility', 'wheelchair'] as const;
export type AccessibilityNeed = (typeof ACCESSIBILITY_NEEDS)[number];
export const ACCESSIBILITY_NEED_LABELS: Record<AccessibilityNeed, string> = {
  none: 'Aucun besoin particulier',
  reduced_mobility: 'Mobilité réduite (rez-de-chaussée ou ascenseur)',
  wheelchair: 'Logement accessible en fauteuil roulant',
};

export const SUPPORT_INTENSITIES = ['none', 'light', 'reinforced'] as const;
export type SupportIntensity = (typeof SUPPORT_INTENSITIES)[number];
export const SUPPORT_INTENSITY_LABELS: Record<SupportIntensity, string> = {
  none: 'Sans accompagnement après l’entrée',
  light: 'Accompagnement léger (suivi ponctuel)',
  reinforced: 'Accompagnement renforcé (AVDL, ASLL, bail glissant…)',
};

/** Where the demand stands on a day (§4.1: valid one year, to renew before its anniversary). */
export const DEMAND_STATES = ['missing', 'valid', 'expiring', 'expired'] as const;
export type DemandState = (typeof DEMAND_STATES)[number];
export const DEMAND_STATE_LABELS: Record<DemandState, string> = {
  missing: 'Pas de demande enregistrée',
  valid: 'Demande valide',
  expiring: 'Demande à renouveler bientôt',
  expired: 'Demande expirée',
};

export const ZIncomeFigure = z.object({
  source: z.enum(INCOME_SOURCES, { message: 'Source du revenu inconnue.' }),
  /** The tax year of an RFR; null for the last 12 months and a declared figure. */
  year: z.number({ message: 'Année invalide.' }).int().min(2000).max(2100).nullable().default(null),
  annualCents: ZCents,
});
export type TIncomeFigure = z.infer<typeof ZIncomeFigure>;

/** The housing project as its worker writes it (opening it and each later edit). */
export const ZHousingProjectInput = z.object({
  typologies: z
    .array(z.enum(TYPOLOGIES, { message: 'Typologie inconnue.' }), { message: 'Liste attendue.' })
    .min(1, { message: 'Choisissez au moins une typologie.' })
    .max(TYPOLOGIES.length),
  communeIds: list(ZId, 30, 'communes'),
  accessibilityNeed: z.enum(ACCESSIBILITY_NEEDS, { message: 'Besoin d’accessibilité inconnu.' }),
  supportIntensity: z.enum(SUPPORT_INTENSITIES, { message: 'Intensité d’accompagnement inconnue.' }),
  priorityCategories: list(
    z.enum(PRIORITY_CATEGORIES, { message: 'Catégorie prioritaire inconnue.' }),
    PRIORITY_CATEGORIES.length,
    'catégories',
  ),
  demandRenewalDue: ZIsoDate.nullable().default(null),
  /** The first demand's date, kept across renewals (the demand's age). */
  demandFiledOn: ZIsoDate.nullable().default(null),
  incomes: list(ZIncomeFigure, INCOME_SOURCES.length, 'revenus'),
  note: z.string().trim().max(2000, { message: '2000 caractères au plus.' }).nullable().default(null),
});
export type THousingProjectInput = z.infer<typeof ZHousingProjectInput>;

/** Opening (no version) or editing at the version read. */
export const ZHousingProjectSave = ZHousingProjectInput.extend({
  rowVersion: ZRowVersion.nullable().default(null),
});

export const ZProposalConsent = z.object({
  givenOn: ZIsoDate,
  method: z.enum(CONSENT_METHODS, { message: 'Mode de recueil inconnu.' }),
});
export const ZProposalConsentWithdrawal = z.object({
  withdrawnOn: ZIsoDate,
  reason: z
    .string({ message: 'Indiquez le motif du retrait.' })
    .trim()
    .min(1, { message: 'Indiquez le motif du retrait.' })
    .max(500),
});

const ZNamed = z.object({ id: z.string(), name: z.string() });

export const ZHousingProject = ZHousingProjectInput.extend({
  id: z.string(),
  householdId: z.string(),
  poolOrganisation: ZNamed,
  communes: z.array(ZNamed),
  openedOn: z.string(),
  /** The readiness confirmed when the project was opened. */
  readinessAtOpening: z.enum(READINESS_OPINIONS),
  consent: z
    .object({
      givenOn: z.string(),
      method: z.enum(CONSENT_METHODS),
      withdrawnOn: z.string().nullable(),
      withdrawalReason: z.string().nullable(),
    })
    .nullable(),
  /** Consent given and not withdrawn: matching will propose only such households. */
  proposable: z.boolean(),
  rowVersion: z.number().int(),
});
export type THousingProject = z.infer<typeof ZHousingProject>;

/** What the file already says, read by the project (edited in the file's own tabs). */
export const ZFileFacts = z.object({
  applicationNumber: z.string().nullable(),
  housingSince: z.string().nullable(),
  shelterName: z.string().nullable(),
  daloRecognised: z.boolean(),
  daloDecisionDate: z.string().nullable(),
  daysInShelter: z.number().int().nullable(),
  demandState: z.enum(DEMAND_STATES),
});

export const ZHousingProjectView = z.object({
  project: ZHousingProject.nullable(),
  facts: ZFileFacts,
  /** The latest capacity grid's confirmed opinion, null without a grid. */
  readiness: z.object({ opinion: z.enum(READINESS_OPINIONS), assessedOn: z.string() }).nullable(),
  /** Whether the reader may open the project now, or why not (French). */
  openRefusal: z.string().nullable(),
  canEdit: z.boolean(),
});
export type THousingProjectView = z.infer<typeof ZHousingProjectView>;

/** The pool's filters (query string). */
export const ZPoolQuery = z.object({
  typology: z.enum(TYPOLOGIES, { message: 'Typologie inconnue.' }).optional(),
  communeId: ZId.optional(),
  priority: z.enum(['dalo', 'any', ...PRIORITY_CATEGORIES], { message: 'Priorité inconnue.' }).optional(),
  demand: z.enum(['expiring'], { message: 'Filtre de demande inconnu.' }).optional(),
});
export type TPoolQuery = z.infer<typeof ZPoolQuery>;

export const ZPoolEntry = z.object({
  householdId: z.string(),
  fileLabel: z.string(),
  name: z.string(),
  persons: z.number().int(),
  typologies: z.array(z.enum(TYPOLOGIES)),
  communes: z.array(z.string()),
  accessibilityNeed: z.enum(ACCESSIBILITY_NEEDS),
  supportIntensity: z.enum(SUPPORT_INTENSITIES),
  daloDecisionDate: z.string().nullable(),
  daloRecognised: z.boolean(),
  priorityCategories: z.array(z.enum(PRIORITY_CATEGORIES)),
  housingSince: z.string().nullable(),
  daysInShelter: z.number().int().nullable(),
  applicationNumber: z.string().nullable(),
  demandRenewalDue: z.string().nullable(),
  demandState: z.enum(DEMAND_STATES),
  readiness: z.enum(READINESS_OPINIONS).nullable(),
  proposable: z.boolean(),
  allocation: ZGivenDwelling.nullable(),
});
export type TPoolEntry = z.infer<typeof ZPoolEntry>;

export const ZPool = z.object({
  organisationName: z.string(),
  /** Households in the pool before the filters. */
  total: z.number().int(),
  items: z.array(ZPoolEntry),
  /** The communes wished in the pool, for the filter. */
  communes: z.array(ZNamed),
});
export type TPool = z.infer<typeof ZPool>;
