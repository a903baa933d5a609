import type { Context } from '../../kernel/context.ts';
import { audit } from '../../kernel/audit.ts';
import { AppError, forbidden, notFound } from '../../kernel/errors.ts';
import type { HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import { canReadFullEvaluation, canWriteEvaluation } from '../../shared/access/evaluation-policy.ts';
import { derivePartnerEvaluation } from '../../shared/access/evaluation-sharing.ts';
import type {
  EvaluationAudience,
  TEvaluation,
  TPartnerEvaluation,
} from '../../shared/contracts/evaluations.ts';
import { requireHouseholdAccess } from '../households/index.ts';
import { findMeasure, type MeasureRecord } from '../measures/index.ts';
import { organisationName } from '../organisations/index.ts';
import { findEvaluation, sharesOfEvaluations, type EvaluationRecord } from './evaluations.repository.ts';
import { presentEvaluation } from './evaluation.presenter.ts';
import type { FollowUpWriteRule } from './operated-measure.ts';

export const EVALUATION_NOT_FOUND = 'Évaluation introuvable.';
const WRITER_REFUSAL =
  'Seuls les travailleurs sociaux de l’organisation qui conduit la mesure rédigent ses évaluations.';

/** The actor's level on the household; the full evaluation is the caseworker's (404 for another party). */
export async function requireEvaluationReader(
  ctx: Context,
  householdId: string,
): Promise<HouseholdAccessLevel> {
  const level = await requireHouseholdAccess(ctx, householdId);
  if (!canReadFullEvaluation(level)) throw notFound(EVALUATION_NOT_FOUND);
  return level;
}

/** The rule of an evaluation's writer: a social worker of the organisation that runs the measure. */
export const evaluationWriter = (ctx: Context): FollowUpWriteRule => ({
  canRead: canReadFullEvaluation,
  canWrite: (level, measure) => canWriteEvaluation(ctx.actor, level, measure),
  readRefusal: WRITER_REFUSAL,
  writeRefusal: WRITER_REFUSAL,
});

/** An evaluation of the household and its measure, for reading (caseworker level, 404 otherwise). */
export async function requireEvaluation(
  ctx: Context,
  householdId: string,
  evaluationId: string,
): Promise<{ record: EvaluationRecord; measure: MeasureRecord }> {
  await requireEvaluationReader(ctx, householdId);
  const record = await findEvaluation(ctx.db, householdId, evaluationId);
  if (!record) throw notFound(EVALUATION_NOT_FOUND);
  const measure = await findMeasure(ctx.db, householdId, record.evaluation.measureId);
  return { record, measure: measure! };
}

/** The same, for a change: by the organisation that runs the measure (403 otherwise). */
export async function requireEvaluationToWrite(
  ctx: Context,
  householdId: string,
  evaluationId: string,
): Promise<{ record: EvaluationRecord; measure: MeasureRecord }> {
  const level = await requireHouseholdAccess(ctx, householdId);
  if (!canReadFullEvaluation(level)) throw forbidden(WRITER_REFUSAL);
  const found = await requireEvaluation(ctx, householdId, evaluationId);
  if (!canWriteEvaluation(ctx.actor, level, found.measure.measure)) throw forbidden(WRITER_REFUSAL);
  return found;
}

/** The evaluation as its caseworker reads it, with who received which version. */
export async function evaluationAnswer(
  ctx: Context,
  householdId: string,
  evaluationId: string,
  measure: MeasureRecord,
): Promise<TEvaluation> {
  const record = (await findEvaluation(ctx.db, householdId, evaluationId))!;
  const shares = await sharesOfEvaluations(ctx.db, [evaluationId]);
  return presentEvaluation(record, measure.schemeName, shares, await relayName(ctx, record));
}

export async function relayName(ctx: Context, record: EvaluationRecord): Promise<string | null> {
  const id = record.evaluation.content.nextStep?.relayOrganisationId;
  return id ? await organisationName(ctx.db, id) : null;
}

/** The partner version of an evaluation as of now (the snapshot a share would store). */
export async function partnerVersion(
  ctx: Context,
  record: EvaluationRecord,
  audience: EvaluationAudience,
): Promise<TPartnerEvaluation> {
  const e = record.evaluation;
  return derivePartnerEvaluation(audience, e, e.content, e.baselineScores, await relayName(ctx, record));
}

export const staleEvaluation = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Cette évaluation a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte. Rechargez-la pour voir ses changements, puis refaites les vôtres.',
  );

export const frozenEvaluation = () =>
  new AppError('INVALID_STATE', 'Cette évaluation est validée : elle ne se modifie plus.');

export const notValidated = (what: string) =>
  new AppError('INVALID_STATE', `Validez d’abord l’évaluation : ${what}`);

export type EvaluationAction =
  | 'evaluation.prepare'
  | 'evaluation.update'
  | 'evaluation.validate'
  | 'evaluation.preview'
  | 'evaluation.share'
  | 'evaluation.sign'
  | 'evaluation.apply'
  | 'evaluation.export_pdf';

export const auditEvaluation = (
  ctx: Context,
  action: EvaluationAction,
  e: { id: string; householdId: string; kind: string; periodStart: string; periodEnd: string },
  extra: Record<string, unknown> = {},
) =>
  audit(ctx.db, ctx.actor, {
    action,
    entityType: 'evaluation',
    entityId: e.id,
    householdId: e.householdId,
    details: { kind: e.kind, periodStart: e.periodStart, periodEnd: e.periodEnd, ...extra },
  });
