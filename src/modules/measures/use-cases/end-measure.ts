import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { invalid } from '../../../kernel/errors.ts';
import {
  MEASURE_END_REASON_LABELS,
  MEASURE_ORIENTATION_LABELS,
  type TMeasure,
  type ZMeasureEnd,
} from '../../../shared/contracts/measures.ts';
import { closeTasksOf } from '../../tasks/index.ts';
import type { MeasureRecord } from '../measures.repository.ts';
import { organisationName } from '../../organisations/index.ts';
import { measureToRun, moveMeasure, reloadMeasure } from '../measure-writes.ts';

type EndInput = z.output<typeof ZMeasureEnd> & { householdId: string; measureId: string };

/**
 * Ends a measure with its reason and the household's next step (the contract refuses an end with
 * none). The measure's tasks are closed; a social watch's yearly visits and end are the alerts'
 * (watch_visit_due, watch_ending), opened when they fall due.
 */
export async function endMeasure(ctx: Context, input: EndInput): Promise<TMeasure> {
  await applyEnd(ctx, await measureToRun(ctx, input.householdId, input.measureId), input);
  return reloadMeasure(ctx, input.householdId, input.measureId);
}

/** The end itself, by the operator or by a committee's decision. */
export async function applyEnd(
  ctx: Context,
  record: MeasureRecord,
  input: Omit<EndInput, 'householdId' | 'measureId'>,
) {
  const { db, actor, now } = ctx;
  const m = record.measure;
  const relayName =
    input.orientation === 'relay' ? await organisationName(db, input.relayOrganisationId!) : null;
  if (input.orientation === 'relay' && !relayName)
    throw invalid({ relayOrganisationId: 'Organisation inconnue.' });
  if (m.startOn && input.endedOn < m.startOn)
    throw invalid({ endedOn: 'La fin ne peut pas précéder le début de la mesure.' });
  const orientation = MEASURE_ORIENTATION_LABELS[input.orientation];
  await moveMeasure(ctx, record, {
    rowVersion: input.rowVersion,
    from: ['validated', 'active'],
    values: {
      status: 'ended',
      endedOn: input.endedOn,
      endReason: input.endReason,
      orientation: input.orientation,
      watchMonths: input.orientation === 'watch' ? input.watchMonths : null,
      relayOrganisationId: input.orientation === 'relay' ? input.relayOrganisationId : null,
      endNote: input.note?.trim() || null,
    },
    event: 'ended',
    detail: [
      MEASURE_END_REASON_LABELS[input.endReason],
      relayName ? `${orientation} : ${relayName}` : orientation,
      input.note?.trim(),
    ]
      .filter(Boolean)
      .join('. '),
    action: 'measure.end',
    details: { endReason: input.endReason, orientation: input.orientation },
  });
  await closeTasksOf(db, { sourceId: m.id, userId: actor.userId, at: now });
}
