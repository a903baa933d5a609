import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden, notFound } from '../../../kernel/errors.ts';
import { canReadFullEvaluation, canReadSharedVersion } from '../../../shared/access/evaluation-policy.ts';
import type { FileAnswer } from '../../../shared/routes/define.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { findShare } from '../evaluations.repository.ts';
import { renderEvaluationPdf } from '../evaluation-pdf.ts';
import { EVALUATION_NOT_FOUND } from '../evaluation-writes.ts';
import { fileLabelOf } from './export-evaluation-pdf.ts';

export const NOT_SHARED_WITH_YOU =
  'Cette version de l’évaluation n’a pas été partagée avec votre organisation.';

/**
 * The PDF of a shared version, exactly as it was sent: the recipient reads it (a landlord through
 * the household's file, the funder through its own page), and so does the household's caseworker;
 * another party of the file is refused (403), anyone else gets a 404. Audited.
 */
export async function exportSharedEvaluationPdf(
  ctx: Context,
  input: { shareId: string; householdId?: string },
): Promise<FileAnswer> {
  const level = input.householdId ? await requireHouseholdAccess(ctx, input.householdId) : 'none';
  const share = await findShare(ctx.db, input.shareId);
  if (!share || (input.householdId && share.householdId !== input.householdId))
    throw notFound(EVALUATION_NOT_FOUND);
  if (!canReadFullEvaluation(level) && !canReadSharedVersion(ctx.actor, share)) {
    if (input.householdId) throw forbidden(NOT_SHARED_WITH_YOU);
    throw notFound(EVALUATION_NOT_FOUND);
  }
  const fileLabel = await fileLabelOf(ctx.db, share.householdId);
  const content = await renderEvaluationPdf({
    version: 'partner',
    partner: share.snapshot,
    fileLabel,
    measureName: share.measureName,
    generatedAt: ctx.now,
  });
  await audit(ctx.db, ctx.actor, {
    action: 'evaluation.export_pdf',
    entityType: 'evaluation_share',
    entityId: share.id,
    householdId: share.householdId,
    details: {
      kind: share.snapshot.kind,
      periodStart: share.snapshot.periodStart,
      periodEnd: share.snapshot.periodEnd,
      version: share.audience,
    },
  });
  return {
    fileName: `evaluation-${fileLabel}-${share.audience === 'landlord' ? 'bailleur' : 'financeur'}.pdf`,
    mimeType: 'application/pdf',
    content,
  };
}
