import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TEvaluation } from '../../../shared/contracts/evaluations.ts';
import { evaluationGaps } from '../../../shared/evaluations/evaluation.ts';
import { updateEvaluationIf } from '../evaluations.repository.ts';
import {
  auditEvaluation,
  evaluationAnswer,
  frozenEvaluation,
  requireEvaluationToWrite,
  staleEvaluation,
} from '../evaluation-writes.ts';

/**
 * Validates a complete draft at the version read: every objective rated (with a comment when not
 * fully reached), the grid scored, a final evaluation's next step chosen. It is frozen from then on,
 * and the household's alerts are recomputed.
 */
export async function validateEvaluation(
  ctx: Context,
  input: { householdId: string; evaluationId: string; rowVersion: number },
): Promise<TEvaluation> {
  const { record, measure } = await requireEvaluationToWrite(ctx, input.householdId, input.evaluationId);
  const e = record.evaluation;
  if (e.status !== 'draft') throw frozenEvaluation();
  if (e.rowVersion !== input.rowVersion) throw staleEvaluation();
  const gaps = evaluationGaps(e.kind, e.content);
  if (Object.keys(gaps).length > 0) throw invalid(gaps, 'L’évaluation n’est pas complète.');
  const saved = await updateEvaluationIf(
    ctx.db,
    e.id,
    { rowVersion: input.rowVersion, statuses: ['draft'] },
    { status: 'validated', validatedAt: ctx.now, validatedByUserId: ctx.actor.userId, updatedAt: ctx.now },
  );
  if (!saved) throw staleEvaluation();
  await auditEvaluation(ctx, 'evaluation.validate', e);
  // The « évaluation à rédiger » alert of its kind closes now, not at the next morning's run.
  await ctx.householdChanged?.(input.householdId);
  return evaluationAnswer(ctx, input.householdId, e.id, measure);
}
