import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import type { TMeasure, ZMeasureRenew } from '../../../shared/contracts/measures.ts';
import { addMonths, renewalBreak } from '../../../shared/measures/scheme-rules.ts';
import { measureToRun, moveMeasure, reloadMeasure, ruleRefusal } from '../measure-writes.ts';
import type { MeasureRecord } from '../measures.repository.ts';

type RenewInput = z.output<typeof ZMeasureRenew> & { householdId: string; measureId: string };

/**
 * Renews a running measure after its evaluation, as the scheme version it follows allows (count of
 * renewals, total duration): a refusal names the rule. The planned end moves by the months added
 * (and with it the alert of the measure's end, ADR 0017).
 */
export async function renewMeasure(ctx: Context, input: RenewInput): Promise<TMeasure> {
  await applyRenewal(ctx, await measureToRun(ctx, input.householdId, input.measureId), input);
  return reloadMeasure(ctx, input.householdId, input.measureId);
}

/** The renewal itself, by the operator or by a committee's decision. */
export async function applyRenewal(
  ctx: Context,
  record: MeasureRecord,
  input: Omit<RenewInput, 'householdId' | 'measureId'>,
) {
  const m = record.measure;
  const months = input.months ?? record.rules.renewalMonths;
  const broken = renewalBreak(record.rules, { renewals: m.renewals, months: m.totalMonths }, months);
  if (broken) throw ruleRefusal(broken.rule === 'max_total_months' ? 'months' : null, broken);
  const end = addMonths(m.plannedEndOn!, months);
  await moveMeasure(ctx, record, {
    rowVersion: input.rowVersion,
    from: ['active'],
    values: { renewals: m.renewals + 1, totalMonths: m.totalMonths + months, plannedEndOn: end },
    event: 'renewed',
    detail: `${months} mois de plus. ${input.evaluation}`,
    action: 'measure.renew',
    details: { months },
  });
}
