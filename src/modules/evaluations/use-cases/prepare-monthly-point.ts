import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { AppError, invalid } from '../../../kernel/errors.ts';
import type { TMonthlyPoint, ZMonthlyPointCreate } from '../../../shared/contracts/evaluations.ts';
import { monthlyPointMonthBreak } from '../../../shared/evaluations/monthly-point.ts';
import { formatMonth } from '../../../shared/format.ts';
import { latestVersion } from '../monthly-points.repository.ts';
import { insertVersion, monthlyPointWriter, pointAnswer } from '../monthly-point-writes.ts';
import { operatedMeasure } from '../operated-measure.ts';

type Input = z.output<typeof ZMonthlyPointCreate> & { householdId: string; measureId: string };

/**
 * Prepares the point of a month of a measure: a draft holding the month's journal figures and the
 * report written so far. One point per measure and month: a second one is a conflict (a validated
 * point is corrected, not prepared again); a month not begun, or outside the measure, is refused.
 */
export async function prepareMonthlyPoint(ctx: Context, input: Input): Promise<TMonthlyPoint> {
  const measure = await operatedMeasure(ctx, input.householdId, input.measureId, monthlyPointWriter(ctx));
  const why = monthlyPointMonthBreak(input.month, measure.measure, ctx.now);
  if (why) throw invalid({ month: why }, 'Ce point mensuel ne peut pas être préparé.');
  const already = () =>
    new AppError(
      'CONFLICT',
      `Le point mensuel de ${formatMonth(input.month)} existe déjà pour cette mesure : ouvrez-le pour le compléter ou le corriger.`,
    );
  if ((await latestVersion(ctx.db, input.measureId, input.month)) !== null) throw already();
  const id = await insertVersion(ctx, { ...input, version: 1 }, 'monthly_point.prepare');
  if (!id) throw already();
  return pointAnswer(ctx, input.householdId, id, measure);
}
