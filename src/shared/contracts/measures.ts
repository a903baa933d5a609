import { z } from 'zod';
import { ZCents, ZId, ZIsoDate, zPage } from './common.ts';
import { REFERRAL_KINDS, REFERRAL_STATUSES } from './referral-enums.ts';

/**
 * Support measures (AVDL, FSL accès or maintien, ASLL…) and the dated catalogue of the schemes that
 * fund them. A measure follows proposed → prescribed → validated or refused by the funder → active
 * (renewed as the scheme allows) → ended with a reason and the household's next step.
 */

/** What a scheme supports: getting into housing, staying there, either, or adapted rental management. */
export const SCHEME_KINDS = ['access', 'maintenance', 'access_or_maintenance', 'rental_management'] as const;
export type SchemeKind = (typeof SCHEME_KINDS)[number];
export const SCHEME_KIND_LABELS: Record<SchemeKind, string> = {
  access: 'Accès au logement',
  maintenance: 'Maintien dans le logement',
  access_or_maintenance: 'Accès ou maintien',
  rental_management: 'Gestion locative adaptée',
};

const text = (max: number, required: string) =>
  z
    .string({ message: required })
    .trim()
    .min(1, { message: required })
    .max(max, { message: `${max} caractères au plus.` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${max} caractères au plus.` });

const months = (what: string) =>
  z
    .number({ message: `${what} : nombre de mois attendu.` })
    .int({ message: `${what} : nombre entier de mois attendu.` })
    .min(1, { message: `${what} : au moins un mois.` })
    .max(120, { message: `${what} : 120 mois au plus.` });

export const ZSchemeRules = z
  .object({
    initialMonths: months('Durée initiale'),
    renewalMonths: months('Durée d’un renouvellement'),
    maxRenewals: z
      .number({ message: 'Nombre de renouvellements attendu.' })
      .int({ message: 'Nombre entier attendu.' })
      .min(0, { message: 'Nombre positif attendu.' })
      .max(20, { message: '20 renouvellements au plus.' })
      .nullable(),
    maxTotalMonths: months('Durée totale').nullable(),
    criteria: z
      .object({
        min: z.number().int().min(1, { message: 'Au moins un critère.' }).max(20),
        among: z.array(text(200, 'Libellé du critère obligatoire.')).min(1).max(30),
      })
      .refine((c) => c.min <= c.among.length, {
        path: ['min'],
        message: 'Le nombre de critères exigés dépasse la liste.',
      })
      .nullable(),
    validationAfter: z
      .object({
        schemes: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
        withinMonths: months('Délai'),
      })
      .nullable(),
  })
  .refine((r) => r.maxTotalMonths === null || r.maxTotalMonths >= r.initialMonths, {
    path: ['maxTotalMonths'],
    message: 'La durée totale ne peut pas être plus courte que la durée initiale.',
  });
export type TSchemeRules = z.infer<typeof ZSchemeRules>;

/** Unit costs, in cents; a scheme may be costed per month, per measure and/or per dwelling-year (GLA). */
export const ZSchemeCosts = z.object({
  perMonthCents: ZCents.nullable(),
  perMeasureCents: ZCents.nullable(),
  perDwellingYearCents: ZCents.nullable(),
});
export type TSchemeCosts = z.infer<typeof ZSchemeCosts>;

export const ZSchemeVersion = z.object({
  id: ZId,
  effectiveFrom: z.string(),
  rules: ZSchemeRules,
  costs: ZSchemeCosts,
  createdAt: z.iso.datetime(),
  createdByName: z.string().nullable(),
});

export const ZProgramme = z.object({
  id: ZId,
  name: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  budgetMeasures: z.number().int().nullable(),
  budgetCents: z.number().int().nullable(),
});
export type TProgramme = z.infer<typeof ZProgramme>;

export const ZScheme = z.object({
  id: ZId,
  /** A stable short name the sequencing rules refer to (« avdl », « fsl-acces »…). */
  code: z.string(),
  name: z.string(),
  kind: z.enum(SCHEME_KINDS),
  funderOrganisationId: ZId,
  funderName: z.string(),
  territoryName: z.string(),
  /** The version in force today; null when every version starts later. */
  current: ZSchemeVersion.nullable(),
  versions: z.array(ZSchemeVersion),
  programmes: z.array(ZProgramme),
  /** Whether the reader may add versions and programmes (its funder's administrators). */
  editable: z.boolean(),
});
export type TScheme = z.infer<typeof ZScheme>;
export const ZSchemeList = z.object({ items: z.array(ZScheme) });

export const ZSchemeTemplate = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(SCHEME_KINDS),
  /** Who usually funds it, in words (« État (FNAVDL) », « Conseil départemental (FSL) »…). */
  usualFunder: z.string(),
  rules: ZSchemeRules,
  costs: ZSchemeCosts,
  /** Where the rule comes from, for the administrator who adopts it. */
  source: z.string(),
});
export type TSchemeTemplate = z.infer<typeof ZSchemeTemplate>;
export const ZSchemeTemplateList = z.object({ items: z.array(ZSchemeTemplate) });

const ZSchemeCode = z
  .string({ message: 'Nom court obligatoire.' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, {
    message: 'Nom court : 2 à 40 lettres sans accent, chiffres ou tirets (par exemple « fsl-acces »).',
  });

export const ZSchemeVersionInput = z.object({
  effectiveFrom: ZIsoDate,
  rules: ZSchemeRules,
  costs: ZSchemeCosts,
});
export const ZSchemeCreate = ZSchemeVersionInput.extend({
  code: ZSchemeCode,
  name: text(120, 'Nom du dispositif obligatoire.'),
  kind: z.enum(SCHEME_KINDS, { message: 'Choisissez ce que le dispositif accompagne.' }),
});
export type TSchemeCreate = z.input<typeof ZSchemeCreate>;

export const ZProgrammeInput = z
  .object({
    name: text(120, 'Nom du programme obligatoire.'),
    periodFrom: ZIsoDate,
    periodTo: ZIsoDate,
    budgetMeasures: z
      .number({ message: 'Nombre de mesures attendu.' })
      .int({ message: 'Nombre entier attendu.' })
      .min(0)
      .max(100_000)
      .nullable(),
    budgetCents: ZCents.nullable(),
  })
  .refine((p) => p.periodTo >= p.periodFrom, {
    path: ['periodTo'],
    message: 'La fin du programme précède son début.',
  });
export type TProgrammeInput = z.input<typeof ZProgrammeInput>;
export const ZSchemeParams = z.object({ schemeId: ZId });

export const MEASURE_STATUSES = [
  'proposed',
  'prescribed',
  'validated',
  'refused',
  'active',
  'ended',
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  proposed: 'Proposée',
  prescribed: 'Prescrite, en attente du financeur',
  validated: 'Validée par le financeur',
  refused: 'Refusée par le financeur',
  active: 'En cours',
  ended: 'Terminée',
};

/** The occupancy the decision recommends (seed 002, contract annex). */
export const OCCUPANCY_OPTIONS = [
  'direct_lease_with_support',
  'direct_lease_without_support',
  'sublease_sliding',
  'sublease_without_sliding',
  'adapted_housing',
  'current_home',
] as const;
export type OccupancyOption = (typeof OCCUPANCY_OPTIONS)[number];
export const OCCUPANCY_LABELS: Record<OccupancyOption, string> = {
  direct_lease_with_support: 'Bail direct avec accompagnement',
  direct_lease_without_support: 'Bail direct sans accompagnement',
  sublease_sliding: 'Sous-location avec bail glissant',
  sublease_without_sliding: 'Sous-location sans glissement',
  adapted_housing: 'Logement adapté (pension de famille, résidence sociale…)',
  current_home: 'Maintien dans le logement actuel',
};

export const MEASURE_END_REASONS = [
  'objectives_reached',
  'relay',
  'moved',
  'withdrew',
  'no_contact',
  'eviction',
  'death',
  'other',
] as const;
export type MeasureEndReason = (typeof MEASURE_END_REASONS)[number];
export const MEASURE_END_REASON_LABELS: Record<MeasureEndReason, string> = {
  objectives_reached: 'Objectifs atteints',
  relay: 'Relais vers un autre accompagnement',
  moved: 'Déménagement hors du territoire',
  withdrew: 'Le ménage a mis fin à l’accompagnement',
  no_contact: 'Plus de contact avec le ménage',
  eviction: 'Expulsion',
  death: 'Décès',
  other: 'Autre motif',
};

/** What follows the measure for the household: a measure never ends without a next step recorded. */
export const MEASURE_ORIENTATIONS = [
  'none',
  'watch',
  'relay',
  'new_measure',
  'lease_transfer',
  'transfer',
] as const;
export type MeasureOrientation = (typeof MEASURE_ORIENTATIONS)[number];
export const MEASURE_ORIENTATION_LABELS: Record<MeasureOrientation, string> = {
  none: 'Aucune suite nécessaire',
  watch: 'Veille sociale',
  relay: 'Relais vers une autre organisation',
  new_measure: 'Nouvelle mesure',
  lease_transfer: 'Glissement du bail',
  transfer: 'Mutation vers un autre logement',
};

/** The rules a measure may break, named in the refusal (see shared/measures/scheme-rules.ts). */
export const SCHEME_RULE_LABELS = {
  initial_months: 'Durée initiale du dispositif',
  max_renewals: 'Nombre de renouvellements',
  max_total_months: 'Durée totale du dispositif',
  min_criteria: 'Critères d’éligibilité',
  state_validation: 'Enchaînement des dispositifs',
} as const;

export const MEASURE_EVENTS = [
  'proposed',
  'prescribed',
  'validated',
  'refused',
  'started',
  'renewed',
  'ended',
  'assigned',
  'incident',
  'reopened',
] as const;
export type MeasureEventKind = (typeof MEASURE_EVENTS)[number];
export const MEASURE_EVENT_LABELS: Record<MeasureEventKind, string> = {
  proposed: 'Mesure proposée',
  prescribed: 'Mesure prescrite et transmise au financeur',
  validated: 'Validée par le financeur',
  refused: 'Refusée par le financeur',
  started: 'Début de l’accompagnement',
  renewed: 'Mesure renouvelée',
  ended: 'Fin de la mesure',
  assigned: 'Changement de référent',
  incident: 'Incident signalé pendant la veille',
  reopened: 'Accompagnement rouvert après un incident pendant la veille',
};

export const ZMeasureEvent = z.object({
  at: z.iso.datetime(),
  /** What happened, in words. */
  label: z.string(),
  detail: z.string().nullable(),
  byName: z.string().nullable(),
  byOrganisationName: z.string().nullable(),
});

export const ZMeasure = z.object({
  id: ZId,
  householdId: ZId,
  fileLabel: z.string(),
  schemeId: ZId,
  schemeName: z.string(),
  schemeKind: z.enum(SCHEME_KINDS),
  funderName: z.string(),
  /** When the scheme version the measure follows took effect (the measure keeps it), and its rules. */
  schemeVersionFrom: z.string(),
  rules: ZSchemeRules,
  status: z.enum(MEASURE_STATUSES),
  /** The briques of the référentiel the measure mobilises, numbered and named. */
  briques: z.array(z.object({ code: z.string(), label: z.string() })),
  visitsPerMonth: z.number().int().nullable(),
  occupancy: z.enum(OCCUPANCY_OPTIONS).nullable(),
  operatorOrganisationId: ZId,
  operatorName: z.string(),
  caseworkerUserId: ZId.nullable(),
  caseworkerName: z.string().nullable(),
  initialMonths: z.number().int(),
  prescribedOn: z.string().nullable(),
  /** Criteria the household meets (caseworker only: they speak of health and life events). */
  criteriaMet: z.array(z.string()).optional(),
  stateValidationReference: z.string().nullable(),
  /** Who prescribed it, in words, when a committee did (« Décision du comité … du … »). */
  prescription: z.string().nullable(),
  decidedOn: z.string().nullable(),
  refusalReason: z.string().nullable(),
  startOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  renewals: z.number().int(),
  totalMonths: z.number().int(),
  endedOn: z.string().nullable(),
  endReason: z.enum(MEASURE_END_REASONS).nullable(),
  orientation: z.enum(MEASURE_ORIENTATIONS).nullable(),
  orientationDetail: z.string().nullable(),
  /** The ended measure this one reopened a case after (an incident during its watch), and why. */
  reopenedFromMeasureId: ZId.nullable(),
  reopenReason: z.string().nullable(),
  /** The measure that reopened a case after this one's watch. */
  reopenedByMeasureId: ZId.nullable(),
  /** What the reader may do now (its organisation's side and roles). */
  canAct: z.boolean(),
  rowVersion: z.number().int(),
  events: z.array(ZMeasureEvent).optional(),
});
export type TMeasure = z.infer<typeof ZMeasure>;
export const ZMeasureList = z.object({
  items: z.array(ZMeasure),
  /** The last day of the household's watch (veille) today; null when it is not under watch. */
  watchUntil: z.string().nullable(),
});

export const ZMeasureParams = z.object({ id: ZId, measureId: ZId });
export const ZFunderMeasureParams = z.object({ measureId: ZId });

const ZRowVersion = z.number({ message: 'Version attendue.' }).int().min(1).max(2_147_483_647);
const ZVisits = z
  .number({ message: 'Nombre de visites attendu.' })
  .int({ message: 'Nombre entier de visites attendu.' })
  .min(0, { message: 'Nombre positif attendu.' })
  .max(31, { message: '31 visites par mois au plus.' });

export const ZMeasurePropose = z.object({
  schemeId: ZId,
  operatorOrganisationId: ZId,
  caseworkerUserId: ZId.nullish(),
  briques: z.array(z.string().trim().min(1).max(10)).max(30).default([]),
  visitsPerMonth: ZVisits.nullish(),
  occupancy: z.enum(OCCUPANCY_OPTIONS, { message: 'Choisissez un statut d’occupation.' }).nullish(),
  /** Shorter than the scheme's first period when the committee calibrates it so; default: the scheme's. */
  initialMonths: months('Durée proposée').nullish(),
  criteriaMet: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  /** The State's explicit validation, when the sequencing rule asks for it. */
  stateValidationReference: optionalText(200).nullish(),
  /** Whether to assign the caseworker over his or her capacity, once warned. */
  confirmOverCapacity: z.boolean().default(false),
});
export type TMeasurePropose = z.input<typeof ZMeasurePropose>;

export const ZMeasurePrescribe = z.object({
  rowVersion: ZRowVersion,
  prescribedOn: ZIsoDate,
  /** Completed at prescription when the proposal lacked them. */
  criteriaMet: z.array(z.string().trim().min(1).max(200)).max(30).nullish(),
  stateValidationReference: optionalText(200).nullish(),
});
export type TMeasurePrescribe = z.input<typeof ZMeasurePrescribe>;
export const ZMeasureDecision = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('validated'), rowVersion: ZRowVersion, decidedOn: ZIsoDate }),
  z.object({
    outcome: z.literal('refused'),
    rowVersion: ZRowVersion,
    decidedOn: ZIsoDate,
    reason: text(1000, 'Indiquez le motif du refus.'),
  }),
]);
export type TMeasureDecision = z.input<typeof ZMeasureDecision>;
export const ZMeasureStart = z.object({ rowVersion: ZRowVersion, startOn: ZIsoDate });
export const ZMeasureRenew = z.object({
  rowVersion: ZRowVersion,
  months: months('Durée du renouvellement').nullish(),
  /** What the evaluation behind the renewal concluded (a renewal needs one). */
  evaluation: text(2000, 'Résumez l’évaluation qui justifie le renouvellement.'),
});
/** The details the household's next step needs: the watch's length, the relaying organisation. */
export function refineNextStep(
  e: { orientation: MeasureOrientation; watchMonths?: number | null; relayOrganisationId?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (e.orientation === 'watch' && !e.watchMonths)
    ctx.addIssue({ code: 'custom', path: ['watchMonths'], message: 'Indiquez la durée de la veille.' });
  if (e.orientation === 'relay' && !e.relayOrganisationId)
    ctx.addIssue({
      code: 'custom',
      path: ['relayOrganisationId'],
      message: 'Indiquez l’organisation qui prend le relais.',
    });
}

export const ZMeasureEnd = z
  .object({
    rowVersion: ZRowVersion,
    endedOn: ZIsoDate,
    endReason: z.enum(MEASURE_END_REASONS, { message: 'Choisissez le motif de fin.' }),
    orientation: z.enum(MEASURE_ORIENTATIONS, {
      message: 'Indiquez la suite pour le ménage : une mesure ne se clôt pas sans orientation.',
    }),
    watchMonths: months('Durée de la veille').nullish(),
    relayOrganisationId: ZId.nullish(),
    note: optionalText(2000).nullish(),
  })
  .superRefine((e, ctx) => {
    refineNextStep(e, ctx);
    if (e.endReason === 'other' && !e.note?.trim())
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Précisez le motif de fin.' });
  });
export type TMeasureEnd = z.input<typeof ZMeasureEnd>;
export const ZMeasureAssign = z.object({
  rowVersion: ZRowVersion,
  caseworkerUserId: ZId,
  relayNote: text(2000, 'Une note de relais est obligatoire pour changer de référent.'),
  confirmOverCapacity: z.boolean().default(false),
});
export type TMeasureAssign = z.input<typeof ZMeasureAssign>;

/** Load and capacity of one caseworker, by kind of measure. */
export const ZCaseload = z.object({
  userId: ZId,
  name: z.string(),
  accessHouseholds: z.number().int(),
  accessCapacity: z.number().int(),
  maintenanceHouseholds: z.number().int(),
  maintenanceCapacity: z.number().int(),
});
export type TCaseload = z.infer<typeof ZCaseload>;
export const ZCaseloadList = z.object({ items: z.array(ZCaseload) });
const capacity = z
  .number({ message: 'Nombre de ménages attendu.' })
  .int({ message: 'Nombre entier attendu.' })
  .min(0, { message: 'Nombre positif attendu.' })
  .max(200, { message: '200 ménages au plus.' });
export const ZCapacityInput = z.object({ accessCapacity: capacity, maintenanceCapacity: capacity });
export const ZUserParams = z.object({ userId: ZId });

/** The funder's home: what waits for its decision, what it funds, and what it has consumed. */
export const ZProgrammeUse = ZProgramme.extend({
  schemeName: z.string(),
  /** Measures validated, running or ended within the programme's period. */
  measures: z.number().int(),
  /** Months of support given up to today within the period, and those the measures commit in all. */
  monthsConsumed: z.number().int(),
  monthsCommitted: z.number().int(),
  centsConsumed: z.number().int(),
  centsCommitted: z.number().int(),
});
export const ZFunderHome = z.object({
  /** The measures waiting for its decision, oldest prescription first, a page at a time. */
  pending: zPage(ZMeasure),
  funded: z.array(
    z.object({
      schemeName: z.string(),
      operatorName: z.string(),
      active: z.number().int(),
      validated: z.number().int(),
    }),
  ),
  programmes: z.array(ZProgrammeUse),
  /** The referrals behind the measures it funds: who sent them to whom, when (no personal data). */
  referrals: z.array(
    z.object({
      fileLabel: z.string(),
      kind: z.enum(REFERRAL_KINDS),
      fromOrganisationName: z.string(),
      toOrganisationName: z.string(),
      sentAt: z.iso.datetime(),
      status: z.enum(REFERRAL_STATUSES),
      schemeName: z.string(),
    }),
  ),
});
export type TFunderHome = z.infer<typeof ZFunderHome>;
