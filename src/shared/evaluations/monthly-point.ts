import type { JournalKind, TObjectiveRef } from '../contracts/journal.ts';
import { parisDate, parisDayStart } from '../time.ts';

/**
 * The monthly point (point mensuel) of a running measure: the month's journal summed up for the
 * caseworker, who completes it with the short written report of the point held with the household
 * (seed 002, briques 2.7 and 3.2) and validates it. Months are Paris calendar months (YYYY-MM).
 */

/** The Paris month (YYYY-MM) of a calendar day or an instant. */
export const monthOf = (day: string | Date): string =>
  (typeof day === 'string' ? day : parisDate(day)).slice(0, 7);

/** The month after a month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The instants a Paris month begins and the next one begins (half-open), daylight-saving changes included. */
export const monthBounds = (month: string): { from: Date; to: Date } => ({
  from: parisDayStart(`${month}-01`),
  to: parisDayStart(`${nextMonth(month)}-01`),
});

/** A measure as its monthly points see it: the day it started and, once ended, the day it ended. */
export interface MeasureSpan {
  startOn: string | null;
  endedOn: string | null;
}

/** The months a measure owes a point, from its start month to the current month (or its end month), oldest first. */
export function monthlyPointMonths(span: MeasureSpan, now: Date): string[] {
  if (!span.startOn) return [];
  const current = monthOf(now);
  const last = span.endedOn && monthOf(span.endedOn) < current ? monthOf(span.endedOn) : current;
  const months: string[] = [];
  for (let m = monthOf(span.startOn); m <= last; m = nextMonth(m)) months.push(m);
  return months;
}

export const FUTURE_MONTH_MESSAGE =
  'Ce mois n’est pas encore commencé : son point mensuel viendra en son temps.';

/** Why a point cannot be prepared for a month of a measure, or null. */
export function monthlyPointMonthBreak(month: string, span: MeasureSpan, now: Date): string | null {
  if (month > monthOf(now)) return FUTURE_MONTH_MESSAGE;
  if (!span.startOn) return 'La mesure n’a pas commencé : elle n’a pas encore de point mensuel.';
  if (month < monthOf(span.startOn)) return 'La mesure n’avait pas commencé ce mois-là.';
  if (span.endedOn && month > monthOf(span.endedOn)) return 'La mesure était terminée ce mois-là.';
  return null;
}

/** The kinds of activity held with the household itself (a contact); a home visit is also counted apart. */
export const CONTACT_KINDS: readonly JournalKind[] = [
  'home_visit',
  'office_meeting',
  'phone_call',
  'accompaniment',
  'workshop',
];

/** An activity of the month as the point counts it. */
export interface MonthActivity {
  kind: JournalKind;
  durationMinutes: number;
  briques: readonly string[];
  objectives: readonly (TObjectiveRef & { title: string })[];
}

export interface MonthFigures {
  activities: number;
  minutes: number;
  contacts: number;
  homeVisits: number;
  byBrique: { code: string; activities: number; minutes: number }[];
  objectives: (TObjectiveRef & { title: string; activities: number })[];
}

const byCode = (a: string, b: string) => {
  const [a1, a2] = a.split('.').map(Number) as [number, number];
  const [b1, b2] = b.split('.').map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
};

/** The month's journal summed up: activities, time, contacts and visits, per brique and per objective touched. */
export function monthFigures(activities: readonly MonthActivity[]): MonthFigures {
  const briques = new Map<string, { activities: number; minutes: number }>();
  const objectives = new Map<string, TObjectiveRef & { title: string; activities: number }>();
  let minutes = 0;
  let contacts = 0;
  let homeVisits = 0;
  for (const a of activities) {
    minutes += a.durationMinutes;
    if (CONTACT_KINDS.includes(a.kind)) contacts += 1;
    if (a.kind === 'home_visit') homeVisits += 1;
    for (const code of new Set(a.briques)) {
      const b = briques.get(code) ?? { activities: 0, minutes: 0 };
      briques.set(code, { activities: b.activities + 1, minutes: b.minutes + a.durationMinutes });
    }
    for (const o of a.objectives) {
      const key = `${o.versionId}:${o.index}`;
      const seen = objectives.get(key);
      objectives.set(key, {
        versionId: o.versionId,
        index: o.index,
        title: o.title,
        activities: (seen?.activities ?? 0) + 1,
      });
    }
  }
  return {
    activities: activities.length,
    minutes,
    contacts,
    homeVisits,
    byBrique: [...briques].sort(([a], [b]) => byCode(a, b)).map(([code, b]) => ({ code, ...b })),
    objectives: [...objectives.values()].sort((a, b) => a.index - b.index),
  };
}
