import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { isValidated } from '../../../shared/access/evaluation-policy.ts';
import type { TEvaluation, ZEvaluationSignature } from '../../../shared/contracts/evaluations.ts';
import { checkSignaturePng } from '../../diagnostics/index.ts';
import { updateEvaluationIf } from '../evaluations.repository.ts';
import type { EvaluationSignatureRecord } from '../schema.ts';
import {
  auditEvaluation,
  evaluationAnswer,
  notValidated,
  requireEvaluationToWrite,
  staleEvaluation,
} from '../evaluation-writes.ts';

type Input = z.output<typeof ZEvaluationSignature> & { householdId: string; evaluationId: string };

/**
 * The household signs the evaluation it was read (like the diagnostic): a signature drawn on the
 * tablet, or its name typed in front of the caseworker who witnesses it. Once, after validation.
 */
export async function signEvaluation(ctx: Context, input: Input): Promise<TEvaluation> {
  const { record, measure } = await requireEvaluationToWrite(ctx, input.householdId, input.evaluationId);
  const e = record.evaluation;
  if (!isValidated(e.status)) throw notValidated('le ménage signe l’évaluation une fois validée.');
  if (e.signature) throw new AppError('CONFLICT', 'Le ménage a déjà signé cette évaluation.');
  const signature: EvaluationSignatureRecord =
    input.method === 'signature'
      ? {
          method: 'signature',
          signedOn: input.signedOn,
          signaturePng: checkSignaturePng(input.signaturePng),
          witnessedByUserId: ctx.actor.userId,
        }
      : {
          method: 'typed_name',
          signedOn: input.signedOn,
          typedName: input.typedName.trim(),
          witnessedByUserId: ctx.actor.userId,
        };
  const saved = await updateEvaluationIf(
    ctx.db,
    e.id,
    { rowVersion: input.rowVersion, statuses: ['validated', 'shared'] },
    { signature, updatedAt: ctx.now },
  );
  if (!saved) throw staleEvaluation();
  await auditEvaluation(ctx, 'evaluation.sign', e, { method: input.method });
  return evaluationAnswer(ctx, input.householdId, e.id, measure);
}
