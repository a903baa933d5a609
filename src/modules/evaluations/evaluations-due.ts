import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { evaluationsDue as dueDates, type EvaluationsDue } from '../../shared/evaluations/due.ts';
import { addMonths } from '../../shared/measures/scheme-rules.ts';
import { measures, measureSchemeVersions } from '../measures/schema.ts';

/**
 * When the evaluations of each running measure fall due over its current period (the start, or the
 * last renewal, to the planned end), for the alerts: measures not running or without a planned end
 * are absent. No evaluation is stored yet (issue 10, point 6 is to come): once it is, the ones
 * written for the period will leave this map.
 */
export async function evaluationsDue(
  q: Queryable,
  measureIds: readonly string[],
): Promise<Map<string, EvaluationsDue>> {
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
  const due = new Map<string, EvaluationsDue>();
  for (const r of rows) {
    const renewed = r.renewals > 0 && r.plannedEndOn && r.rules.renewalMonths;
    const periodStart = renewed ? addMonths(r.plannedEndOn!, -r.rules.renewalMonths!) : r.startOn;
    const dates = dueDates({ periodStart, plannedEndOn: r.plannedEndOn });
    if (dates) due.set(r.id, dates);
  }
  return due;
}
