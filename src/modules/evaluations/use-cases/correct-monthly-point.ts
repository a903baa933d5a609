import type { Context } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { TMonthlyPoint } from '../../../shared/contracts/evaluations.ts';
import { latestVersion } from '../monthly-points.repository.ts';
import { insertVersion, pointAnswer, requirePoint, stalePoint } from '../monthly-point-writes.ts';

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
  // A later version exists, or the point moved: this one was already corrected.
  if (p.rowVersion !== input.rowVersion || (await latestVersion(ctx.db, p.measureId, p.month)) !== p.version)
    throw stalePoint();
  const id = await insertVersion(ctx, { ...p, version: p.version + 1 }, 'monthly_point.correct');
  if (!id) throw stalePoint();
  return pointAnswer(ctx, input.householdId, id, measure);
}
