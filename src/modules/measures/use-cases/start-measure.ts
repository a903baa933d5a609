import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import type { TMeasure, ZMeasureStart } from '../../../shared/contracts/measures.ts';
import { plannedEnd } from '../../../shared/measures/scheme-rules.ts';
import { measureToRun, moveMeasure, reloadMeasure } from '../measure-writes.ts';
import { closeTasksOf } from '../../tasks/index.ts';

type StartInput = z.output<typeof ZMeasureStart> & { householdId: string; measureId: string };

/**
 * Starts a validated measure: its planned end follows from the months it was prescribed for. The
 * task "set the start date" is done; the end's deadline is the alerts' (ADR 0017).
 */
export async function startMeasure(ctx: Context, input: StartInput): Promise<TMeasure> {
  const record = await measureToRun(ctx, input.householdId, input.measureId);
  const m = record.measure;
  const end = plannedEnd(input.startOn, m.initialMonths);
  await moveMeasure(ctx, record, {
    rowVersion: input.rowVersion,
    from: ['validated'],
    values: { status: 'active', startOn: input.startOn, plannedEndOn: end, totalMonths: m.initialMonths },
    event: 'started',
    action: 'measure.start',
    details: { startOn: input.startOn },
  });
  await closeTasksOf(ctx.db, { sourceId: m.id, userId: ctx.actor.userId, at: ctx.now });
  return reloadMeasure(ctx, input.householdId, input.measureId);
}
