import type { Context } from '../../../kernel/context.ts';
import type { EvaluationAudience, TPartnerEvaluation } from '../../../shared/contracts/evaluations.ts';
import { auditEvaluation, partnerVersion, requireEvaluation } from '../evaluation-writes.ts';

/** « Voir comme le bailleur / le financeur »: the version a partner would receive, before sharing. */
export async function previewEvaluation(
  ctx: Context,
  input: { householdId: string; evaluationId: string; audience: EvaluationAudience },
): Promise<TPartnerEvaluation> {
  const { record } = await requireEvaluation(ctx, input.householdId, input.evaluationId);
  await auditEvaluation(ctx, 'evaluation.preview', record.evaluation, { audience: input.audience });
  return partnerVersion(ctx, record, input.audience);
}
