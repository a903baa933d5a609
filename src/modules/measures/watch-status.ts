import type { Queryable } from '../../kernel/db.ts';
import { parisDate } from '../../shared/time.ts';
import { householdWatchUntil } from '../../shared/watch/rules.ts';
import { measureDatesOf } from './measures.repository.ts';

/**
 * The last day of the watch of each household of `householdIds` under watch on the Paris day of
 * `now` (the others are absent): one query for the whole page, the rules in shared/watch. The app
 * hands it to the households module's list (which cannot import this module) as its watch port.
 */
export async function householdsWatchUntil(
  q: Queryable,
  householdIds: readonly string[],
  now: Date,
): Promise<Map<string, string>> {
  const rows = await measureDatesOf(q, householdIds);
  const today = parisDate(now);
  const byHousehold = new Map<string, typeof rows>();
  for (const r of rows) byHousehold.set(r.householdId, [...(byHousehold.get(r.householdId) ?? []), r]);
  const until = new Map<string, string>();
  for (const [householdId, measures] of byHousehold) {
    const end = householdWatchUntil(measures, today);
    if (end !== null) until.set(householdId, end);
  }
  return until;
}
