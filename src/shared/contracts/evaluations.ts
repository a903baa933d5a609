import { z } from 'zod';
import { ZId } from './common.ts';
import { ZCapacityScores } from './diagnostics.ts';
import { MEASURE_END_REASONS } from './measures.ts';

/**
 * Monthly points (points mensuels) of the running measures: the month's journal summed up, the
 * short written report of the point held with the household, validated by the caseworker.
 */

export const MONTHLY_POINT_STATUSES = ['draft', 'validated'] as const;
export type MonthlyPointStatus = (typeof MONTHLY_POINT_STATUSES)[number];
export const MONTHLY_POINT_STATUS_LABELS: Record<MonthlyPointStatus, string> = {
  draft: 'Brouillon',
  validated: 'Validé',
};

const ZRowVersion = z.number({ message: 'Version attendue.' }).int().min(1).max(2_147_483_647);
export const ZMonth = z
  .string({ message: 'Mois attendu.' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Mois invalide (attendu : année et mois).' });
const ZReport = z
  .string({ message: 'Texte attendu.' })
  .trim()
  .max(4000, { message: '4000 caractères au plus.' })
  .default('');

export const ZMonthlyPointParams = z.object({ id: ZId, pointId: ZId });

/** A point prepared for a month: its draft, from the month's journal, with a first report if written. */
export const ZMonthlyPointCreate = z.object({ month: ZMonth, report: ZReport });
export const ZMonthlyPointUpdate = z.object({ report: ZReport, rowVersion: ZRowVersion });
export const ZMonthlyPointAct = z.object({ rowVersion: ZRowVersion });

export const ZMonthFigures = z.object({
  activities: z.number(),
  minutes: z.number(),
  contacts: z.number(),
  homeVisits: z.number(),
  byBrique: z.array(
    z.object({ code: z.string(), label: z.string(), activities: z.number(), minutes: z.number() }),
  ),
  objectives: z.array(z.object({ title: z.string(), activities: z.number() })),
});
export type TMonthFigures = z.infer<typeof ZMonthFigures>;

export const ZMonthlyPoint = z.object({
  id: ZId,
  measureId: ZId,
  month: z.string(),
  version: z.number(),
  status: z.enum(MONTHLY_POINT_STATUSES),
  report: z.string(),
  /** The journal's figures: frozen at validation, refreshed at each save of a draft. */
  figures: ZMonthFigures,
  preparedByName: z.string().nullable(),
  validatedByName: z.string().nullable(),
  validatedAt: z.string().nullable(),
  updatedAt: z.string(),
  rowVersion: z.number(),
});
export type TMonthlyPoint = z.infer<typeof ZMonthlyPoint>;

/** A month a measure owes a point: its point (the latest version) if any, and the journal's figures now. */
export const ZMonthlyPointMonth = z.object({
  month: z.string(),
  point: ZMonthlyPoint.nullable(),
  /** A validated point earlier replaced by a correction still in draft. */
  validatedVersion: z.number().nullable(),
  journal: ZMonthFigures,
});

export const ZMonthlyPoints = z.object({
  measures: z.array(
    z.object({
      measureId: ZId,
      name: z.string(),
      active: z.boolean(),
      /** Newest month first. */
      months: z.array(ZMonthlyPointMonth),
    }),
  ),
});
export type TMonthlyPoints = z.infer<typeof ZMonthlyPoints>;

// ---------- Evaluations (bilans) ----------

/**
 * The evaluations of a measure (brique 2.7; issue 10, point 6): the interim one (bilan d'étape) at
 * mid-period and the final one at its end. Each rates every objective of the contract, re-scores the
 * capacité à habiter grid (the change since the diagnostic shown) and, for the final one, names the
 * next step that feeds the measure's renewal or end. A landlord and a funder version are derived by
 * rule (shared/access/evaluation-sharing.ts), previewed, then shared.
 */
export const EVALUATION_KINDS = ['interim', 'final'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = {
  interim: 'Bilan d’étape',
  final: 'Évaluation finale',
};

export const EVALUATION_STATUSES = ['draft', 'validated', 'shared'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = {
  draft: 'Brouillon',
  validated: 'Validée',
  shared: 'Partagée',
};

export const OBJECTIVE_OUTCOMES = ['reached', 'partly', 'not_reached'] as const;
export type ObjectiveOutcome = (typeof OBJECTIVE_OUTCOMES)[number];
export const OBJECTIVE_OUTCOME_LABELS: Record<ObjectiveOutcome, string> = {
  reached: 'Atteint',
  partly: 'Partiellement atteint',
  not_reached: 'Non atteint',
};

/** The next step an evaluation recommends; each one feeds the measure's renewal or its end. */
export const EVALUATION_NEXT_STEPS = [
  'end',
  'renewal',
  'relay',
  'watch',
  'lease_transfer',
  'transfer',
] as const;
export type EvaluationNextStep = (typeof EVALUATION_NEXT_STEPS)[number];
export const EVALUATION_NEXT_STEP_LABELS: Record<EvaluationNextStep, string> = {
  end: 'Fin de l’accompagnement',
  renewal: 'Renouvellement de la mesure',
  relay: 'Relais vers une autre organisation',
  watch: 'Veille sociale',
  lease_transfer: 'Glissement du bail',
  transfer: 'Mutation',
};

export const EVALUATION_AUDIENCES = ['landlord', 'funder'] as const;
export type EvaluationAudience = (typeof EVALUATION_AUDIENCES)[number];
export const EVALUATION_AUDIENCE_LABELS: Record<EvaluationAudience, string> = {
  landlord: 'Version bailleur',
  funder: 'Version financeur',
};

const optText = (max: number) =>
  z
    .string({ message: 'Texte attendu.' })
    .trim()
    .max(max, { message: `${max} caractères au plus.` })
    .default('');

/** One objective of the contract as the evaluation rates it. */
export const ZObjectiveRating = z.object({
  title: z
    .string({ message: 'Texte attendu.' })
    .trim()
    .min(1, { message: 'Intitulé de l’objectif obligatoire.' })
    .max(300, { message: '300 caractères au plus.' }),
  briques: z.array(z.string().trim().min(1).max(10)).max(10).default([]),
  outcome: z.enum(OBJECTIVE_OUTCOMES, { message: 'Résultat inconnu.' }).nullable().default(null),
  /** The caseworker's comment: caseworker-only (it may speak of health or family life). */
  comment: optText(2000),
});
export type TObjectiveRating = z.output<typeof ZObjectiveRating>;

export const ZEvaluationNextStep = z.object({
  step: z.enum(EVALUATION_NEXT_STEPS, { message: 'Suite inconnue.' }),
  watchMonths: z
    .number({ message: 'Nombre de mois attendu.' })
    .int({ message: 'Nombre entier attendu.' })
    .min(1, { message: 'Au moins un mois.' })
    .max(36, { message: '36 mois au plus.' })
    .nullable()
    .default(null),
  relayOrganisationId: ZId.nullable().default(null),
});
export type TEvaluationNextStep = z.output<typeof ZEvaluationNextStep>;

/** What the caseworker writes: every field has a sharing class (shared/access/evaluation-sharing.ts). */
export const ZEvaluationContent = z.object({
  objectives: z.array(ZObjectiveRating).max(20, { message: '20 objectifs au plus.' }),
  /** The capacité à habiter grid re-scored (the diagnostic's grid as a start). */
  grid: ZCapacityScores.nullable().default(null),
  nextStep: ZEvaluationNextStep.nullable().default(null),
  /** Written for the partners: both partner versions carry it. */
  partnerNote: optText(2000),
  /** The caseworker's own notes: never in a partner version. */
  notes: optText(4000),
});
export type TEvaluationContent = z.output<typeof ZEvaluationContent>;

export const ZEvaluationParams = z.object({ id: ZId, evaluationId: ZId });
export const ZEvaluationCreate = z.object({
  kind: z.enum(EVALUATION_KINDS, { message: 'Choisissez le bilan d’étape ou l’évaluation finale.' }),
});
export const ZEvaluationUpdate = ZEvaluationContent.extend({ rowVersion: ZRowVersion });
export const ZEvaluationAct = z.object({ rowVersion: ZRowVersion });
export const ZEvaluationAudienceQuery = z.object({
  audience: z.enum(EVALUATION_AUDIENCES, { message: 'Destinataire inconnu.' }),
});
export const ZEvaluationShare = z.object({
  rowVersion: ZRowVersion,
  audience: z.enum(EVALUATION_AUDIENCES, { message: 'Destinataire inconnu.' }),
});
export const ZEvaluationSignature = z.discriminatedUnion('method', [
  z.object({
    rowVersion: ZRowVersion,
    method: z.literal('signature'),
    signedOn: z.iso.date({ message: 'Date invalide (AAAA-MM-JJ).' }),
    signaturePng: z
      .string()
      .startsWith('data:image/png;base64,', { message: 'Signature attendue au format PNG.' })
      .max(400_100, { message: 'Signature trop volumineuse (300 Ko au plus).' }),
  }),
  z.object({
    rowVersion: ZRowVersion,
    method: z.literal('typed_name'),
    signedOn: z.iso.date({ message: 'Date invalide (AAAA-MM-JJ).' }),
    typedName: z
      .string({ message: 'Texte attendu.' })
      .trim()
      .min(2, { message: 'Nom du signataire obligatoire.' })
      .max(200, { message: '200 caractères au plus.' }),
  }),
]);
/** Applying a final evaluation's next step to the measure: its renewal, or its end. */
export const ZEvaluationApply = z.object({
  /** The measure's row version, as read. */
  measureRowVersion: ZRowVersion,
  /** The end's date and reason (every step but the renewal ends the measure). */
  endedOn: z.iso.date({ message: 'Date invalide (AAAA-MM-JJ).' }).nullish(),
  endReason: z.enum(MEASURE_END_REASONS, { message: 'Choisissez le motif de fin.' }).nullish(),
  months: z.number().int().min(1).max(60).nullish(),
});
export const ZPdfVersionQuery = z.object({
  version: z.enum(['full', ...EVALUATION_AUDIENCES], { message: 'Version inconnue.' }),
});

export const ZAxisChange = z.object({
  axis: z.string(),
  label: z.string(),
  before: z.number().nullable(),
  now: z.number(),
  change: z.number().nullable(),
});
export type TAxisChange = z.infer<typeof ZAxisChange>;

const ZPartnerNextStep = z
  .object({
    step: z.enum(EVALUATION_NEXT_STEPS),
    watchMonths: z.number().nullable(),
    relayOrganisationName: z.string().nullable(),
  })
  .nullable();

export const ZLandlordEvaluation = z.object({
  audience: z.literal('landlord'),
  kind: z.enum(EVALUATION_KINDS),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** The objectives that bear on housing, rent or occupancy: title and outcome, never the comment. */
  objectives: z.array(z.object({ title: z.string(), outcome: z.enum(OBJECTIVE_OUTCOMES).nullable() })),
  nextStep: ZPartnerNextStep,
  partnerNote: z.string(),
});
export type TLandlordEvaluation = z.infer<typeof ZLandlordEvaluation>;

export const ZFunderEvaluation = z.object({
  audience: z.literal('funder'),
  kind: z.enum(EVALUATION_KINDS),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** Counts only: an objective's title or comment may speak of health or family life. */
  outcomes: z.object({
    objectives: z.number(),
    reached: z.number(),
    partly: z.number(),
    not_reached: z.number(),
  }),
  /** Axis averages of the grid and their change since the diagnostic's grid; no score comment. */
  axes: z.array(ZAxisChange),
  nextStep: ZPartnerNextStep,
  partnerNote: z.string(),
});
export type TFunderEvaluation = z.infer<typeof ZFunderEvaluation>;

export const ZPartnerEvaluation = z.discriminatedUnion('audience', [ZLandlordEvaluation, ZFunderEvaluation]);
export type TPartnerEvaluation = z.infer<typeof ZPartnerEvaluation>;

export const ZEvaluation = z.object({
  id: ZId,
  measureId: ZId,
  measureName: z.string(),
  kind: z.enum(EVALUATION_KINDS),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(EVALUATION_STATUSES),
  content: ZEvaluationContent,
  /** The diagnostic's grid the change is measured from (its date), if the household had one. */
  baselineAssessedOn: z.string().nullable(),
  axes: z.array(ZAxisChange),
  relayOrganisationName: z.string().nullable(),
  /** What is still missing before validation, field by field (French). */
  gaps: z.record(z.string(), z.string()),
  signature: z
    .object({ method: z.enum(['signature', 'typed_name']), signedOn: z.string(), signerName: z.string() })
    .nullable(),
  shares: z.array(
    z.object({ audience: z.enum(EVALUATION_AUDIENCES), organisationName: z.string(), sharedAt: z.string() }),
  ),
  appliedAt: z.string().nullable(),
  preparedByName: z.string().nullable(),
  validatedByName: z.string().nullable(),
  validatedAt: z.string().nullable(),
  updatedAt: z.string(),
  rowVersion: z.number(),
});
export type TEvaluation = z.infer<typeof ZEvaluation>;

/** A partner version as it was shared with the reader's organisation. */
export const ZSharedEvaluation = z.object({
  id: ZId,
  evaluationId: ZId,
  measureName: z.string(),
  sharedAt: z.string(),
  version: ZPartnerEvaluation,
});
export type TSharedEvaluation = z.infer<typeof ZSharedEvaluation>;

/** The caseworker reads the evaluations; a landlord reads the versions shared with it. */
export const ZEvaluationList = z.object({
  evaluations: z.array(ZEvaluation),
  shared: z.array(ZSharedEvaluation),
});
export type TEvaluationList = z.infer<typeof ZEvaluationList>;
