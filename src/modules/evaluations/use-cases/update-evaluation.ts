import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import type { TEvaluation, ZEvaluationUpdate } from '../../../shared/contracts/evaluations.ts';
import { updateEvaluationIf } from '../evaluations.repository.ts';
import {
  auditEvaluation,
  evaluationAnswer,
  frozenEvaluation,
  requireEvaluationToWrite,
  staleEvaluation,
} from '../evaluation-writes.ts';
import { checkContent } from '../evaluation-content.ts';

type Input = z.output<typeof ZEvaluationUpdate> & { householdId: string; evaluationId: string };

/** Completes a draft at the version read (409 when it moved, or once validated). */
export async function updateEvaluation(ctx: Context, input: Input): Promise<TEvaluation> {
  const { record, measure } = await requireEvaluationToWrite(ctx, input.householdId, input.evaluationId);
  const e = record.evaluation;
  if (e.status !== 'draft') throw frozenEvaluation();
  const { rowVersion, householdId: _h, evaluationId: _e, ...content } = input;
  await checkContent(ctx, e.content, content);
  const saved = await updateEvaluationIf(
    ctx.db,
    e.id,
    { rowVersion, statuses: ['draft'] },
    { content, updatedAt: ctx.now },
  );
  if (!saved) throw staleEvaluation();
  await auditEvaluation(ctx, 'evaluation.update', e);
  return evaluationAnswer(ctx, input.householdId, e.id, measure);
}
