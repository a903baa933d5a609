import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TMonthlyPoint } from '../../../shared/contracts/evaluations.ts';
import { updateDraft } from '../monthly-points.repository.ts';
import {
  figureValues,
  journalFigures,
  pointAnswer,
  requirePoint,
  stalePoint,
  validatedPoint,
} from '../monthly-point-writes.ts';

export const REPORT_REQUIRED = 'Écrivez le court compte rendu du point fait avec le ménage avant de valider.';

/**
 * Validates a draft at the version read: its figures are taken from the journal one last time and
 * frozen, and the point is read-only from then on (a correction is a new version).
 */
export async function validateMonthlyPoint(
  ctx: Context,
  input: { householdId: string; pointId: string; rowVersion: number },
): Promise<TMonthlyPoint> {
  const { record, measure } = await requirePoint(ctx, input.householdId, input.pointId);
  const p = record.point;
  if (p.status !== 'draft') throw validatedPoint();
  if (p.report.trim() === '')
    throw invalid({ report: REPORT_REQUIRED }, 'Le point mensuel n’est pas complet.');
  const saved = await updateDraft(ctx.db, p.id, input.rowVersion, {
    ...figureValues(await journalFigures(ctx, p.measureId, p.month)),
    status: 'validated',
    validatedAt: ctx.now,
    validatedByUserId: ctx.actor.userId,
    updatedAt: ctx.now,
  });
  if (!saved) throw stalePoint();
  await audit(ctx.db, ctx.actor, {
    action: 'monthly_point.validate',
    entityType: 'monthly_point',
    entityId: p.id,
    householdId: input.householdId,
    details: { month: p.month, version: p.version },
  });
  return pointAnswer(ctx, input.householdId, p.id, measure);
}
