import { addMonths } from './scheme-rules.ts';

/**
 * What a programme's measures consume and commit, in measure-months, as funders count them: a
 * month begun is a month due. Pure; calendar days are YYYY-MM-DD strings.
 */

/** Months from `from` (inclusive) to `to` (exclusive), a month begun counting whole; 0 when empty. */
export function monthsBegun(from: string, to: string): number {
  if (to <= from) return 0;
  let n = Math.max(0, (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 - 12);
  while (addMonths(from, n) < to) n++;
  return n;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export interface MeasureSpan {
  /** First day of support; null while the measure waits to start (it then commits its planned months). */
  startOn: string | null;
  /** The last day planned (renewals included) or, once ended, the day it ended. */
  lastDay: string | null;
  /** Months a measure not yet started commits. */
  plannedMonths: number;
}

/**
 * The months a measure consumed within [periodFrom, periodTo] up to `today`, and the months it
 * commits there in all (consumed, plus what remains planned).
 */
export function programmeMonths(
  span: MeasureSpan,
  period: { from: string; to: string },
  today: string,
): { consumed: number; committed: number } {
  if (!span.startOn || !span.lastDay) return { consumed: 0, committed: span.plannedMonths };
  const from = later(span.startOn, period.from);
  const end = dayAfter(earlier(span.lastDay, period.to));
  return {
    consumed: monthsBegun(from, earlier(end, dayAfter(today))),
    committed: monthsBegun(from, end),
  };
}
