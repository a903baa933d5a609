import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import type { TMonthlyPoint } from '../../../shared/contracts/evaluations.ts';
import { reviseDraft } from '../monthly-point-writes.ts';

export const REPORT_REQUIRED = 'Écrivez le court compte rendu du point fait avec le ménage avant de valider.';

/**
 * Validates a draft at the version read: its figures are taken from the journal one last time and
 * frozen, and the point is read-only from then on (a correction is a new version).
 */
export async function validateMonthlyPoint(
  ctx: Context,
  input: { householdId: string; pointId: string; rowVersion: number },
): Promise<TMonthlyPoint> {
  const point = await reviseDraft(
    ctx,
    input,
    (point) => {
      if (point.report.trim() === '')
        throw invalid({ report: REPORT_REQUIRED }, 'Le point mensuel n’est pas complet.');
      return { status: 'validated', validatedAt: ctx.now, validatedByUserId: ctx.actor.userId };
    },
    'monthly_point.validate',
  );
  // The « point mensuel manquant » alert of the month closes with it.
  await ctx.householdChanged?.(input.householdId);
  return point;
}
