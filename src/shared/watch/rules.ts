import { WATCH_INCIDENT_KIND_LABELS, type WatchIncidentKind } from '../contracts/watch.ts';
import { formatCents, formatDate } from '../format.ts';
import { addMonths } from '../measures/scheme-rules.ts';

/**
 * The social watch (veille) that may follow an ended measure (issue 10, point 7). Pure: dates are
 * Paris calendar days (YYYY-MM-DD); months are counted as French law counts them (see addMonths),
 * so a watch after a measure ended on 31 January ends on the last day of February, 29th in a leap
 * year.
 */

/** The watch's length a caseworker is offered when ending a measure with a watch, in months. */
export const DEFAULT_WATCH_MONTHS = 24;

/** How many days before a watch visit's anniversary its task opens. */
export const WATCH_VISIT_LEAD_DAYS = 30;

/** What the watch needs to know of an ended measure and of the household's measures after it. */
export interface WatchFacts {
  endedOn: string | null;
  /** The watch's months; null: the measure ended with another next step. */
  watchMonths: number | null;
  /** The first start, on or after the end, of another measure of the household; null: none. */
  nextStartOn: string | null;
}

/** The last day of the watch as planned: the end plus the watch's months; null without a watch. */
export const watchEndsOn = (m: Pick<WatchFacts, 'endedOn' | 'watchMonths'>): string | null =>
  m.endedOn && m.watchMonths ? addMonths(m.endedOn, m.watchMonths) : null;

/**
 * Whether the household is under watch after this measure on `today`: from the day after the end
 * to the watch's last day, both included, unless a new measure has started (the watch ends the day
 * that measure starts).
 */
export function underWatch(m: WatchFacts, today: string): boolean {
  const end = watchEndsOn(m);
  if (end === null || m.endedOn === null) return false;
  if (m.nextStartOn !== null && today >= m.nextStartOn) return false;
  return today > m.endedOn && today <= end;
}

/**
 * The watch's yearly visits: one home visit in each year of the watch, due on each anniversary of
 * the end that falls within the watch (a 24-month watch: at 12 and 24 months; an 18-month one: at
 * 12 months only). A visit covers the watch year it falls in (after one anniversary, up to and
 * including the next), so the visit due is the anniversary closing the first year that starts on
 * or after the latest home visit (or the end, without one); null when no anniversary is left.
 */
export function watchVisitDueOn(m: WatchFacts, lastHomeVisitOn: string | null): string | null {
  const end = watchEndsOn(m);
  if (end === null || m.endedOn === null) return null;
  const after = lastHomeVisitOn !== null && lastHomeVisitOn > m.endedOn ? lastHomeVisitOn : m.endedOn;
  for (let year = 1; ; year++) {
    const anniversary = addMonths(m.endedOn, 12 * year);
    if (anniversary > end) return null;
    if (addMonths(m.endedOn, 12 * (year - 1)) >= after) return anniversary;
  }
}

/** What the household's watch status reads of each of its measures. */
export interface HouseholdMeasureDates {
  startOn: string | null;
  endedOn: string | null;
  /** Null unless the measure ended with a watch. */
  watchMonths: number | null;
}

/**
 * The measure whose watch the household is under on `today` and that watch's last day (the latest,
 * should two ended measures each have one), or null when the household is not under watch.
 */
export function currentWatch<M extends HouseholdMeasureDates>(
  measures: readonly M[],
  today: string,
): { measure: M; until: string } | null {
  let current: { measure: M; until: string } | null = null;
  for (const m of measures) {
    if (m.endedOn === null || m.watchMonths === null) continue;
    const endedOn = m.endedOn;
    const starts = measures.flatMap((o) =>
      o !== m && o.startOn !== null && o.startOn >= endedOn ? [o.startOn] : [],
    );
    const facts: WatchFacts = { endedOn, watchMonths: m.watchMonths, nextStartOn: starts.sort()[0] ?? null };
    const end = watchEndsOn(facts)!;
    if (underWatch(facts, today) && (current === null || end > current.until))
      current = { measure: m, until: end };
  }
  return current;
}

/**
 * The last day of the household's watch on `today` (the latest, should two ended measures each
 * have one), or null when the household is not under watch.
 */
export const householdWatchUntil = (
  measures: readonly HouseholdMeasureDates[],
  today: string,
): string | null => currentWatch(measures, today)?.until ?? null;

export const NOT_UNDER_WATCH_MESSAGE =
  'Le ménage n’est pas en veille : aucune mesure terminée avec une veille en cours aujourd’hui.';

/** How many days the watch's caseworker is given to look into an incident reported during the watch. */
export const INCIDENT_TASK_DAYS = 7;

/** An incident during the watch, in words, for the timeline, the task and the new measure's reason. */
export function incidentSummary(i: {
  kind: WatchIncidentKind;
  occurredOn: string;
  amountCents: number | null;
  note: string | null;
}): string {
  const label = WATCH_INCIDENT_KIND_LABELS[i.kind];
  const what =
    i.kind === 'rent_arrears'
      ? `${label} : ${formatCents(i.amountCents)} au ${formatDate(i.occurredOn)}`
      : `${label} le ${formatDate(i.occurredOn)}`;
  return i.note?.trim() ? `${what} — ${i.note.trim()}` : what;
}
