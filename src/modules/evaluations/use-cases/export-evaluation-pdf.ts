import { eq } from 'drizzle-orm';
import type { Context } from '../../../kernel/context.ts';
import type { Queryable } from '../../../kernel/db.ts';
import { formatFileNumber } from '../../../shared/contracts/households.ts';
import type { EvaluationAudience } from '../../../shared/contracts/evaluations.ts';
import type { FileAnswer } from '../../../shared/routes/define.ts';
import { households } from '../../households/schema.ts';
import { renderEvaluationPdf } from '../evaluation-pdf.ts';
import { auditEvaluation, partnerVersion, relayName, requireEvaluation } from '../evaluation-writes.ts';

const SUFFIX = { full: 'integrale', landlord: 'bailleur', funder: 'financeur' } as const;

export async function fileLabelOf(q: Queryable, householdId: string): Promise<string> {
  const [h] = await q
    .select({ fileNumber: households.fileNumber })
    .from(households)
    .where(eq(households.id, householdId));
  return formatFileNumber(h!.fileNumber);
}

/** The caseworker's PDF of an evaluation: the full version, or a partner version as derived now. */
export async function exportEvaluationPdf(
  ctx: Context,
  input: { householdId: string; evaluationId: string; version: 'full' | EvaluationAudience },
): Promise<FileAnswer> {
  const { record, measure } = await requireEvaluation(ctx, input.householdId, input.evaluationId);
  const e = record.evaluation;
  const fileLabel = await fileLabelOf(ctx.db, input.householdId);
  const common = { fileLabel, measureName: measure.schemeName, generatedAt: ctx.now };
  const content = await renderEvaluationPdf(
    input.version === 'full'
      ? {
          ...common,
          version: 'full',
          kind: e.kind,
          periodStart: e.periodStart,
          periodEnd: e.periodEnd,
          content: e.content,
          baseline: e.baselineScores,
          relayName: await relayName(ctx, record),
          signature: e.signature,
        }
      : { ...common, version: 'partner', partner: await partnerVersion(ctx, record, input.version) },
  );
  await auditEvaluation(ctx, 'evaluation.export_pdf', e, { version: input.version });
  return {
    fileName: `evaluation-${fileLabel}-${e.kind === 'final' ? 'finale' : 'etape'}-${SUFFIX[input.version]}.pdf`,
    mimeType: 'application/pdf',
    content,
  };
}
