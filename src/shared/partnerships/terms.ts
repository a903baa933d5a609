import { OCCUPANCY_KIND_LABELS, type OccupancyKind } from '../contracts/housing-stock.ts';
import { formatDate } from '../format.ts';
import { addDays } from '../time.ts';
import type { ConventionFee } from './review.ts';

/**
 * A convention's terms over time (its avenants): each amendment changes some terms from its effective
 * day on, and keeps what they were before, so the terms in force on any day — and over any part of a
 * year — follow from the current terms and the amendments, in order.
 */

/** A value in force from a day (the first one: since always). */
export interface Dated<T> {
  from: string;
  value: T;
}

/** One amendment's change of a term: its effective day, the value before and after. */
export interface TermChange<T> {
  on: string;
  before: T;
  after: T;
}

/** The first day of every history: a value in force « since always ». */
const ALWAYS = '0000-01-01';

/**
 * A term's values over time, from its current value and the amendments that changed it (in effective
 * order): what the first one replaced, then what each one set.
 */
export function termHistory<T>(current: T, changes: readonly TermChange<T>[]): Dated<T>[] {
  const [first] = changes;
  if (!first) return [{ from: ALWAYS, value: current }];
  return [{ from: ALWAYS, value: first.before }, ...changes.map((c) => ({ from: c.on, value: c.after }))];
}

/** The value in force on a day. */
export function inForceOn<T>(history: readonly Dated<T>[], day: string): T {
  return (history.filter((h) => h.from <= day).at(-1) ?? history[0]!).value;
}

/** The window cut where the value changes: each part with the value in force over it. */
export function partsOf<T>(
  window: { from: string; to: string },
  history: readonly Dated<T>[],
): { from: string; to: string; value: T }[] {
  const cuts = history.filter((h) => h.from > window.from && h.from <= window.to).map((h) => h.from);
  const starts = [window.from, ...cuts];
  return starts.map((from, i) => {
    const next = starts[i + 1];
    return { from, to: next ? addDays(next, -1) : window.to, value: inForceOn(history, from) };
  });
}

/** Whether two fees are the same terms. */
export const sameFee = (a: ConventionFee, b: ConventionFee) =>
  a.mode === 'per_dwelling_year'
    ? b.mode === 'per_dwelling_year' && a.perDwellingYearCents === b.perDwellingYearCents
    : b.mode === 'rent_share' && a.perMille === b.perMille;

/**
 * The occupancy types of a dwelling over a window, in words: « Bail glissant », or « Sous-location sans
 * glissement, puis bail glissant à partir du 01/07/2026 ».
 */
export function occupancyText(
  window: { from: string; to: string },
  history: readonly Dated<OccupancyKind>[],
): string {
  return partsOf(window, history)
    .map((p, i) =>
      i === 0
        ? OCCUPANCY_KIND_LABELS[p.value]
        : `${OCCUPANCY_KIND_LABELS[p.value].toLowerCase()} à partir du ${formatDate(p.from)}`,
    )
    .join(', puis ');
}
