import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { formatDate } from '../../../shared/format.ts';
import type { TMeasure, ZMeasurePrescribe } from '../../../shared/contracts/measures.ts';
import {
  addMonths,
  criteriaBreak,
  initialMonthsBreak,
  sequencingBreak,
} from '../../../shared/measures/scheme-rules.ts';
import { notifyOrganisation } from '../../notifications/index.ts';
import { raiseTask } from '../../tasks/index.ts';
import { sequencingHistory, type MeasureRecord } from '../measures.repository.ts';
import { measureToRun, moveMeasure, reloadMeasure, ruleRefusal } from '../measure-writes.ts';

type PrescribeInput = z.output<typeof ZMeasurePrescribe> & { householdId: string; measureId: string };
type Prescription = Omit<PrescribeInput, 'householdId' | 'measureId'> & { detail?: string };

/**
 * Prescribes a proposed measure and sends it to the scheme's funder, once it passes the rules of
 * the scheme version it follows: its first period, the criteria, the sequencing rule. A broken rule
 * is refused by name. The operator gets a task until the funder decides.
 */
export async function prescribeMeasure(ctx: Context, input: PrescribeInput): Promise<TMeasure> {
  await applyPrescription(ctx, await measureToRun(ctx, input.householdId, input.measureId), input);
  return reloadMeasure(ctx, input.householdId, input.measureId);
}

/** The prescription itself, by the operator or by a committee's decision. */
export async function applyPrescription(ctx: Context, record: MeasureRecord, input: Prescription) {
  const { db, actor, now } = ctx;
  const m = record.measure;
  const criteriaMet = input.criteriaMet ? [...new Set(input.criteriaMet)] : m.criteriaMet;
  const stateValidationReference =
    input.stateValidationReference === undefined
      ? m.stateValidationReference
      : input.stateValidationReference?.trim() || null;
  const broken =
    initialMonthsBreak(record.rules, m.initialMonths) ??
    criteriaBreak(record.rules, criteriaMet) ??
    sequencingBreak(
      record.rules,
      await sequencingHistory(db, m.householdId),
      input.prescribedOn,
      stateValidationReference !== null,
    );
  if (broken)
    throw ruleRefusal(
      broken.rule === 'min_criteria'
        ? 'criteriaMet'
        : broken.rule === 'state_validation'
          ? 'stateValidationReference'
          : 'initialMonths',
      broken,
    );
  await moveMeasure(ctx, record, {
    rowVersion: input.rowVersion,
    from: ['proposed'],
    values: { status: 'prescribed', prescribedOn: input.prescribedOn, criteriaMet, stateValidationReference },
    event: 'prescribed',
    detail: input.detail ?? null,
    action: 'measure.prescribe',
  });
  await raiseTask(db, {
    householdId: m.householdId,
    title: `Décision du financeur attendue : ${record.schemeName} (${record.funderName})`,
    dueOn: addMonths(input.prescribedOn, 1),
    ownerUserId: m.caseworkerUserId,
    ownerOrganisationId: m.operatorOrganisationId,
    sourceId: m.id,
    createdByUserId: actor.userId,
    createdByOrganisationId: actor.organisationId,
    at: now,
  });
  await notifyOrganisation(db, {
    organisationId: record.funderOrganisationId,
    roles: ['funder_officer', 'admin'],
    kind: 'measure.prescribed',
    title: `Mesure à valider : ${record.schemeName}`,
    body: `${record.operatorName} a prescrit une mesure ${record.schemeName} le ${formatDate(input.prescribedOn)}. Elle attend votre décision.`,
    link: '/',
  });
}
