import type { Context } from '../../kernel/context.ts';
import { formatDate } from '../../shared/format.ts';
import { addMonths } from '../../shared/measures/scheme-rules.ts';
import { raiseTask } from '../tasks/index.ts';
import type { MeasureRecord } from './measures.repository.ts';

/** A month before a running measure's planned end, its référent decides: renewal or end. */
export const raiseEndTask = (ctx: Context, record: MeasureRecord, end: string) =>
  raiseTask(ctx.db, {
    householdId: record.measure.householdId,
    title: `Fin prévue le ${formatDate(end)} de la mesure ${record.schemeName} : préparer le renouvellement ou la fin`,
    dueOn: addMonths(end, -1),
    ownerUserId: record.measure.caseworkerUserId,
    ownerOrganisationId: record.measure.operatorOrganisationId,
    sourceId: record.measure.id,
    createdByUserId: ctx.actor.userId,
    createdByOrganisationId: ctx.actor.organisationId,
    at: ctx.now,
  });
