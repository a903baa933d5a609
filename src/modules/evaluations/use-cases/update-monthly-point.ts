import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import type { TMonthlyPoint, ZMonthlyPointUpdate } from '../../../shared/contracts/evaluations.ts';
import { reviseDraft } from '../monthly-point-writes.ts';

type Input = z.output<typeof ZMonthlyPointUpdate> & { householdId: string; pointId: string };

/** Completes a draft at the version read; its figures are taken again from the month's journal. */
export async function updateMonthlyPoint(ctx: Context, input: Input): Promise<TMonthlyPoint> {
  return reviseDraft(ctx, input, () => ({ report: input.report }), 'monthly_point.update');
}
