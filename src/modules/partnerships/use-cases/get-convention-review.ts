import type { Context } from '../../../kernel/context.ts';
import { renderPdf } from '../../../kernel/pdf.ts';
import type { TConventionReview } from '../../../shared/contracts/partnerships.ts';
import type { FileAnswer } from '../../../shared/routes/define.ts';
import { requireConvention } from '../convention-access.ts';
import { conventionReview } from '../convention-review.ts';
import { reviewPdfDefinition } from '../review-pdf.ts';

/** The convention's yearly review, for both sides. */
export async function getConventionReview(
  ctx: Context,
  conventionId: string,
  year: number,
): Promise<TConventionReview> {
  return conventionReview(ctx.db, await requireConvention(ctx, conventionId, 'read'), year);
}

export async function getConventionReviewPdf(
  ctx: Context,
  conventionId: string,
  year: number,
): Promise<FileAnswer> {
  const review = await getConventionReview(ctx, conventionId, year);
  return {
    fileName: `bilan-convention-${year}.pdf`,
    mimeType: 'application/pdf',
    content: await renderPdf(reviewPdfDefinition(review, ctx.now)),
    disposition: 'inline',
  };
}
