import type { Context } from '../../../kernel/context.ts';
import { AppError, invalid } from '../../../kernel/errors.ts';
import {
  EVALUATION_KIND_LABELS,
  type EvaluationKind,
  type TEvaluation,
  type TEvaluationContent,
} from '../../../shared/contracts/evaluations.ts';
import { formatMonth } from '../../../shared/format.ts';
import { diagnosticCapacityGrid } from '../../diagnostics/index.ts';
import { objectivesInForce } from '../../support-contracts/index.ts';
import { periodStartOf } from '../evaluations-due.ts';
import { insertEvaluation, lastPointReport } from '../evaluations.repository.ts';
import { auditEvaluation, evaluationAnswer, evaluationWriter } from '../evaluation-writes.ts';
import { operatedMeasure } from '../operated-measure.ts';

export const NOT_RUNNING = 'Seule une mesure en cours, avec une fin prévue, s’évalue.';

/**
 * Prepares the interim or final evaluation of a running measure's period under way: a draft that
 * rates each objective of the contract in force, starts the grid from the diagnostic's one (the
 * change is measured from it) and opens the notes with the last monthly point's report. One of each
 * kind per period: a second one is a conflict.
 */
export async function prepareEvaluation(
  ctx: Context,
  input: { householdId: string; measureId: string; kind: EvaluationKind },
): Promise<TEvaluation> {
  const measure = await operatedMeasure(ctx, input.householdId, input.measureId, evaluationWriter(ctx));
  const m = measure.measure;
  const periodStart = periodStartOf(m, measure.rules);
  if (m.status !== 'active' || !periodStart || !m.plannedEndOn)
    throw invalid({ kind: NOT_RUNNING }, 'Cette évaluation ne peut pas être préparée.');
  const contract = (await objectivesInForce(ctx.db, input.householdId)).find(
    (c) => c.measureId === input.measureId,
  );
  const baseline = await diagnosticCapacityGrid(ctx.db, input.householdId);
  const point = await lastPointReport(ctx.db, input.measureId);
  const content: TEvaluationContent = {
    objectives: (contract?.objectives ?? []).map((o) => ({
      title: o.title,
      briques: o.briques,
      outcome: null,
      comment: '',
    })),
    grid: baseline?.scores ?? null,
    nextStep: null,
    partnerNote: '',
    notes: point?.report.trim()
      ? `Point mensuel de ${formatMonth(point.month)} : ${point.report.trim()}`
      : '',
  };
  const values = {
    householdId: input.householdId,
    measureId: input.measureId,
    kind: input.kind,
    periodStart,
    periodEnd: m.plannedEndOn,
  };
  const id = await insertEvaluation(ctx.db, {
    ...values,
    content,
    baselineScores: baseline?.scores ?? null,
    baselineAssessedOn: baseline?.assessedOn ?? null,
    organisationId: ctx.actor.organisationId,
    preparedByUserId: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  if (!id)
    throw new AppError(
      'CONFLICT',
      `${EVALUATION_KIND_LABELS[input.kind]} de cette période existe déjà pour cette mesure : ouvrez-le pour le compléter.`,
    );
  await auditEvaluation(ctx, 'evaluation.prepare', { id, ...values });
  return evaluationAnswer(ctx, input.householdId, id, measure);
}
