import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { AppError, invalid } from '../../../kernel/errors.ts';
import { isValidated } from '../../../shared/access/evaluation-policy.ts';
import type { TEvaluation, ZEvaluationApply } from '../../../shared/contracts/evaluations.ts';
import { measureFollowUp, renewalSummary } from '../../../shared/evaluations/evaluation.ts';
import { parisDate } from '../../../shared/time.ts';
import { endMeasure, renewMeasure } from '../../measures/index.ts';
import { updateEvaluationIf } from '../evaluations.repository.ts';
import {
  auditEvaluation,
  evaluationAnswer,
  notValidated,
  requireEvaluationToWrite,
  staleEvaluation,
} from '../evaluation-writes.ts';

type Input = z.output<typeof ZEvaluationApply> & { householdId: string; evaluationId: string };

export const END_REASON_REQUIRED = 'Choisissez le motif de fin de la mesure.';

/**
 * Gives the final evaluation's next step to the measure, through the measures module: a renewal
 * (the evaluation's outcomes as its justification), or the end with the orientation the step names
 * (none, relay, watch, lease transfer, transfer). Once.
 */
export async function applyEvaluation(ctx: Context, input: Input): Promise<TEvaluation> {
  const { record, measure } = await requireEvaluationToWrite(ctx, input.householdId, input.evaluationId);
  const e = record.evaluation;
  if (e.kind !== 'final')
    throw new AppError('INVALID_STATE', 'Seule l’évaluation finale donne suite à la mesure.');
  if (!isValidated(e.status)) throw notValidated('sa recommandation ne vaut qu’une fois validée.');
  if (e.appliedAt)
    throw new AppError('CONFLICT', 'La suite de cette évaluation a déjà été donnée à la mesure.');
  const next = e.content.nextStep!;
  const followUp = measureFollowUp(next.step);
  const onMeasure = {
    householdId: input.householdId,
    measureId: e.measureId,
    rowVersion: input.measureRowVersion,
  };
  if (followUp.action === 'renew') {
    await renewMeasure(ctx, {
      ...onMeasure,
      months: input.months ?? null,
      evaluation: renewalSummary(e.kind, e.content, parisDate(e.validatedAt!)),
    });
  } else {
    const endReason = input.endReason;
    if (!endReason) throw invalid({ endReason: END_REASON_REQUIRED });
    await endMeasure(ctx, {
      ...onMeasure,
      endedOn: input.endedOn ?? parisDate(ctx.now),
      endReason,
      orientation: followUp.orientation,
      watchMonths: next.watchMonths,
      relayOrganisationId: next.relayOrganisationId,
      note: endReason === 'other' ? 'Suite de l’évaluation finale.' : null,
    });
  }
  const saved = await updateEvaluationIf(
    ctx.db,
    e.id,
    { rowVersion: e.rowVersion, statuses: ['validated', 'shared'] },
    { appliedAt: ctx.now, updatedAt: ctx.now },
  );
  if (!saved) throw staleEvaluation();
  await auditEvaluation(ctx, 'evaluation.apply', e, { nextStep: next.step });
  return evaluationAnswer(ctx, input.householdId, e.id, measure);
}
