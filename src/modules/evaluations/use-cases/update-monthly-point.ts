import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TMonthlyPoint, ZMonthlyPointUpdate } from '../../../shared/contracts/evaluations.ts';
import { updateDraft } from '../monthly-points.repository.ts';
import {
  figureValues,
  journalFigures,
  pointAnswer,
  requirePoint,
  stalePoint,
  validatedPoint,
} from '../monthly-point-writes.ts';

type Input = z.output<typeof ZMonthlyPointUpdate> & { householdId: string; pointId: string };

/** Completes a draft at the version read; its figures are taken again from the month's journal. */
export async function updateMonthlyPoint(ctx: Context, input: Input): Promise<TMonthlyPoint> {
  const { record, measure } = await requirePoint(ctx, input.householdId, input.pointId);
  const p = record.point;
  if (p.status !== 'draft') throw validatedPoint();
  const saved = await updateDraft(ctx.db, p.id, input.rowVersion, {
    report: input.report,
    ...figureValues(await journalFigures(ctx, p.measureId, p.month)),
    updatedAt: ctx.now,
  });
  if (!saved) throw stalePoint();
  await audit(ctx.db, ctx.actor, {
    action: 'monthly_point.update',
    entityType: 'monthly_point',
    entityId: p.id,
    householdId: input.householdId,
    details: { month: p.month, version: p.version },
  });
  return pointAnswer(ctx, input.householdId, p.id, measure);
}
