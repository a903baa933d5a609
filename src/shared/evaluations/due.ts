import { addMonths } from '../measures/scheme-rules.ts';
import { addDays } from '../time.ts';

/**
 * When a measure's evaluations fall due (seed 002, brique 2.7; issue 10, point 6): the interim
 * evaluation (bilan d'étape) at mid-period, the final one in the period's last month. Pure, on Paris
 * calendar days (YYYY-MM-DD).
 */
export interface EvaluationsDue {
  /** The middle day of the period under way (start or last renewal → planned end). */
  interimDueOn: string;
  /** The final evaluation is written from this day (one month before the planned end)… */
  finalFrom: string;
  /** …to the planned end. */
  finalDueOn: string;
}

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The evaluation dates of a running measure over its current period, or null when it has not
 * started or has no planned end. `periodStart` is the start, or the day the last renewal began.
 */
export function evaluationsDue(span: {
  periodStart: string | null;
  plannedEndOn: string | null;
}): EvaluationsDue | null {
  const { periodStart, plannedEndOn } = span;
  if (!periodStart || !plannedEndOn || plannedEndOn <= periodStart) return null;
  const finalFrom = addMonths(plannedEndOn, -1);
  return {
    interimDueOn: addDays(periodStart, Math.floor(days(periodStart, plannedEndOn) / 2)),
    finalFrom: finalFrom < periodStart ? periodStart : finalFrom,
    finalDueOn: plannedEndOn,
  };
}
