import { addMonths } from '../measures/scheme-rules.ts';
import { addDays } from '../time.ts';
import { partsOf, type Dated } from './terms.ts';

/**
 * The yearly review of a partnership convention (fiche-action 10), computed from the data: for each
 * dwelling made available, the days it was available in the year, occupied (some occupancy contract
 * in force) or vacant, its base rent over those days and the management fee due, prorated by days.
 * Days are calendar days, both ends included; an open end runs to the end of the year. The fee is the
 * one in force each day: an amendment (avenant) that changes it mid-year splits the year pro rata.
 */

/** The management fee the landlord pays the association: per dwelling and year, or a share of the base rent. */
export type ConventionFee =
  { mode: 'per_dwelling_year'; perDwellingYearCents: number } | { mode: 'rent_share'; perMille: number };

export interface DayRange {
  from: string;
  /** Last day included; null: still running. */
  until: string | null;
}

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The days of `year` within every range given (null when they share none). */
export function yearWindow(year: number, ...ranges: DayRange[]): { from: string; to: string } | null {
  let from = yearStart(year);
  let to = yearEnd(year);
  for (const r of ranges) {
    from = later(from, r.from);
    if (r.until) to = earlier(to, r.until);
  }
  return from <= to ? { from, to } : null;
}

/** Calendar days from `from` to `to`, both included. */
export const daysIncluded = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

export const daysInYear = (year: number) => daysIncluded(yearStart(year), yearEnd(year));

/** An amount per year, for so many of its days (rounded to the cent). */
export const prorateYear = (perYearCents: number, days: number, year: number) =>
  Math.round((perYearCents * days) / daysInYear(year));

/** The days of the window on which at least one of the ranges runs (overlaps counted once). */
export function daysCovered(window: { from: string; to: string }, ranges: readonly DayRange[]): number {
  const clipped = ranges
    .map((r) => ({ from: later(window.from, r.from), to: r.until ? earlier(window.to, r.until) : window.to }))
    .filter((r) => r.from <= r.to)
    .sort((a, b) => a.from.localeCompare(b.from));
  let days = 0;
  let reached: string | null = null; // the last day already counted
  for (const r of clipped) {
    const from: string = reached && r.from <= reached ? addDays(reached, 1) : r.from;
    if (from > r.to) continue;
    days += daysIncluded(from, r.to);
    reached = r.to;
  }
  return days;
}

/** The base rent due over the window: each month's rent in force, for the share of its days in the window. */
export function rentOver(
  window: { from: string; to: string },
  rents: readonly { effectiveFrom: string; monthlyRentCents: number }[],
): number {
  const sorted = [...rents].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let total = 0;
  for (let day = window.from; day <= window.to; day = addDays(day, 1)) {
    const rent = sorted.filter((r) => r.effectiveFrom <= day).at(-1);
    if (!rent) continue;
    const monthStart = `${day.slice(0, 7)}-01`;
    const monthDays = daysIncluded(monthStart, addDays(addMonths(monthStart, 1), -1));
    total += rent.monthlyRentCents / monthDays;
  }
  return Math.round(total);
}

export interface ReviewDwellingInput {
  /** When the dwelling was made available under the convention, and until when. */
  available: DayRange;
  /** The occupancy contracts of the dwelling (their start and last day in force). */
  occupancies: readonly DayRange[];
  rents: readonly { effectiveFrom: string; monthlyRentCents: number }[];
}

export interface DwellingYear {
  availableDays: number;
  occupiedDays: number;
  vacantDays: number;
  baseRentCents: number;
  feeCents: number;
}

/** One dwelling's year under the convention, with the fee in force each day (see terms.ts). */
export function dwellingYear(
  year: number,
  convention: DayRange,
  fees: readonly Dated<ConventionFee>[],
  dwelling: ReviewDwellingInput,
): DwellingYear {
  const window = yearWindow(year, convention, dwelling.available);
  if (!window) return { availableDays: 0, occupiedDays: 0, vacantDays: 0, baseRentCents: 0, feeCents: 0 };
  const availableDays = daysIncluded(window.from, window.to);
  const occupiedDays = daysCovered(window, dwelling.occupancies);
  const baseRentCents = rentOver(window, dwelling.rents);
  // Summed over the parts of the year each fee was in force, rounded once.
  const due = partsOf(window, fees).reduce(
    (sum, { from, to, value: fee }) =>
      sum +
      (fee.mode === 'per_dwelling_year'
        ? (fee.perDwellingYearCents * daysIncluded(from, to)) / daysInYear(year)
        : (rentOver({ from, to }, dwelling.rents) * fee.perMille) / 1000),
    0,
  );
  return {
    availableDays,
    occupiedDays,
    vacantDays: availableDays - occupiedDays,
    baseRentCents,
    feeCents: Math.round(due),
  };
}
