import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.ts';
import { evaluationsDue as dueDates, type EvaluationsDue } from '../../shared/evaluations/due.ts';
import { addMonths } from '../../shared/measures/scheme-rules.ts';
import { measures, measureSchemeVersions } from '../measures/schema.ts';

/** The first day of the measure's period under way: its start, or the day its last renewal began. */
export function periodStartOf(
  m: { startOn: string | null; plannedEndOn: string | null; renewals: number },
  rules: { renewalMonths?: number | null },
): string | null {
  const renewed = m.renewals > 0 && m.plannedEndOn && rules.renewalMonths;
  return renewed ? addMonths(m.plannedEndOn!, -rules.renewalMonths!) : m.startOn;
}

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
    const dates = dueDates({ periodStart: periodStartOf(r, r.rules), plannedEndOn: r.plannedEndOn });
    if (dates) due.set(r.id, dates);
  }
  return due;
}
