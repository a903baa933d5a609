import { and, eq, inArray } from 'drizzle-orm';
import type { EvaluationKind } from '../../shared/contracts/evaluations.ts';
import type { Queryable } from '../../kernel/db.ts';
import { evaluationsDue as dueDates, type EvaluationsDue } from '../../shared/evaluations/due.ts';
import { addMonths } from '../../shared/measures/scheme-rules.ts';
import { measures, measureSchemeVersions } from '../measures/schema.ts';
import { evaluations } from './schema.ts';

/** The first day of the measure's period under way: its start, or the day its last renewal began. */
export function periodStartOf(
  m: { startOn: string | null; plannedEndOn: string | null; renewals: number },
  rules: { renewalMonths?: number | null },
): string | null {
  const renewed = m.renewals > 0 && m.plannedEndOn && rules.renewalMonths;
  return renewed ? addMonths(m.plannedEndOn!, -rules.renewalMonths!) : m.startOn;
}

/** A running measure's evaluation dates over its period, and the kinds already validated for it. */
export interface MeasureEvaluationsDue extends EvaluationsDue {
  periodStart: string;
  /** The kinds of evaluation validated (or shared) for this period. */
  written: EvaluationKind[];
}

/**
 * When the evaluations of each running measure fall due over its current period (the start, or the
 * last renewal, to the planned end), with the kinds already validated for that period, for the
 * alerts: measures not running or without a planned end are absent.
 */
export async function evaluationsDue(
  q: Queryable,
  measureIds: readonly string[],
): Promise<Map<string, MeasureEvaluationsDue>> {
  if (measureIds.length === 0) return new Map();
  const rows = await q
    .select({
      id: measures.id,
      startOn: measures.startOn,
      plannedEndOn: measures.plannedEndOn,
      renewals: measures.renewals,
      rules: measureSchemeVersions.rules,
    })
    .from(measures)
    .innerJoin(measureSchemeVersions, eq(measureSchemeVersions.id, measures.schemeVersionId))
    .where(and(inArray(measures.id, [...measureIds]), eq(measures.status, 'active')));
  const written = await q
    .select({
      measureId: evaluations.measureId,
      kind: evaluations.kind,
      periodStart: evaluations.periodStart,
    })
    .from(evaluations)
    .where(
      and(
        inArray(evaluations.measureId, [...measureIds]),
        inArray(evaluations.status, ['validated', 'shared']),
      ),
    );
  const due = new Map<string, MeasureEvaluationsDue>();
  for (const r of rows) {
    const periodStart = periodStartOf(r, r.rules);
    const dates = dueDates({ periodStart, plannedEndOn: r.plannedEndOn });
    if (dates && periodStart)
      due.set(r.id, {
        ...dates,
        periodStart,
        written: written
          .filter((w) => w.measureId === r.id && w.periodStart === periodStart)
          .map((w) => w.kind),
      });
  }
  return due;
}
