import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { TMonthlyPoint } from '../../../shared/contracts/evaluations.ts';
import { insertPoint, latestVersion } from '../monthly-points.repository.ts';
import {
  figureValues,
  journalFigures,
  pointAnswer,
  requirePoint,
  stalePoint,
} from '../monthly-point-writes.ts';

/**
 * Opens the correction of a validated point: the next version, a draft holding its report and the
 * month's journal figures now. The validated version stays as it was until the new one is validated.
 */
export async function correctMonthlyPoint(
  ctx: Context,
  input: { householdId: string; pointId: string; rowVersion: number },
): Promise<TMonthlyPoint> {
  const { record, measure } = await requirePoint(ctx, input.householdId, input.pointId);
  const p = record.point;
  if (p.status !== 'validated')
    throw new AppError(
      'INVALID_STATE',
      'Ce point mensuel est encore un brouillon : complétez-le directement.',
    );
  if (p.rowVersion !== input.rowVersion) throw stalePoint();
  const latest = await latestVersion(ctx.db, p.measureId, p.month);
  // A later version exists: this one was already corrected.
  if (latest !== p.version) throw stalePoint();
  const id = await insertPoint(ctx.db, {
    householdId: p.householdId,
    measureId: p.measureId,
    month: p.month,
    version: p.version + 1,
    report: p.report,
    ...figureValues(await journalFigures(ctx, p.measureId, p.month)),
    organisationId: ctx.actor.organisationId,
    preparedByUserId: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  if (!id) throw stalePoint();
  await audit(ctx.db, ctx.actor, {
    action: 'monthly_point.correct',
    entityType: 'monthly_point',
    entityId: id,
    householdId: p.householdId,
    details: { month: p.month, version: p.version + 1 },
  });
  return pointAnswer(ctx, input.householdId, id, measure);
}
