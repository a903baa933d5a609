import { formatMonth } from '../format.ts';
import type { PostingKind } from './postings.ts';

/**
 * A month's calls pro rata temporis: a contract that starts or ends within a month is called, for
 * that month, the days it covers (rent, charges, RLS and housing benefit alike). Integer cents.
 *
 * The rounding rule is cumulative: the first d days of an n-day month are worth
 * round(amount × d / n) (half away from zero), and the days a..b are worth what the first b days
 * are worth less what the first a − 1 are. So the whole month is exactly the amount, and the parts
 * of a month split between two contracts (a slide ending on D, the next lease starting on D + 1)
 * always add up to it, to the cent.
 */

/** The days of a month a contract covers: from `fromDay` to `toDay` (1-based, inclusive) of `daysInMonth`. */
export interface MonthShare {
  month: string;
  fromDay: number;
  toDay: number;
  daysInMonth: number;
}

/** The number of days of a month (YYYY-MM), leap Februaries counted. */
export const daysInMonth = (month: string): number => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/**
 * The days of `month` within a contract running from `startOn` to `endOn` (inclusive; null: not
 * ended); null when the contract does not run that month.
 */
export function monthShare(month: string, startOn: string, endOn: string | null): MonthShare | null {
  const n = daysInMonth(month);
  const first = `${month}-01`;
  const last = `${month}-${String(n).padStart(2, '0')}`;
  if (startOn > last || (endOn !== null && endOn < first)) return null;
  return {
    month,
    fromDay: startOn > first ? Number(startOn.slice(8, 10)) : 1,
    toDay: endOn !== null && endOn < last ? Number(endOn.slice(8, 10)) : n,
    daysInMonth: n,
  };
}

export const isWholeMonth = (s: MonthShare): boolean => s.fromDay === 1 && s.toDay === s.daysInMonth;

export const occupiedDays = (s: MonthShare): number => s.toDay - s.fromDay + 1;

/** round(amount × days / n), half away from zero, in integers. */
const firstDays = (amountCents: number, days: number, n: number): number =>
  Math.sign(amountCents) * Math.floor((2 * Math.abs(amountCents) * days + n) / (2 * n));

/**
 * The part of an amount called for the days `called` that falls on the days `kept` (within them),
 * by the same cumulative rule over the called days: what stays on a sublease's account when it
 * slides on D, its month having been called beyond D.
 */
export function partOf(amountCents: number, called: MonthShare, kept: MonthShare): number {
  if (!Number.isSafeInteger(amountCents)) throw new Error('amount in integer cents expected');
  if (kept.fromDay < called.fromDay || kept.toDay > called.toDay)
    throw new Error('kept days outside the call');
  const days = occupiedDays(called);
  return (
    firstDays(amountCents, kept.toDay - called.fromDay + 1, days) -
    firstDays(amountCents, kept.fromDay - called.fromDay, days)
  );
}

/** The part of a monthly amount (integer cents, either sign) for the days of the share (see the rule above). */
export const prorate = (amountCents: number, s: MonthShare): number =>
  partOf(amountCents, { ...s, fromDay: 1, toDay: s.daysInMonth }, s);

/** The lines of a month's call, in the words of a prorated line's label. */
export const CALL_WORDS = {
  rent_call: 'Loyer',
  charges_call: 'Charges',
  rls: 'RLS',
  housing_benefit: 'Aide au logement',
} as const satisfies Partial<Record<PostingKind, string>>;
export type CallKind = keyof typeof CALL_WORDS;
export const isCallKind = (kind: PostingKind): kind is CallKind => kind in CALL_WORDS;

/**
 * A prorated call's label: « Loyer du 15 au 31 mars 2026 (prorata 17/31) »; null for a whole month
 * (the line's kind says it all).
 */
export function prorataLabel(what: string, s: MonthShare): string | null {
  if (isWholeMonth(s)) return null;
  const from = s.fromDay === 1 ? '1er' : String(s.fromDay);
  const period = s.fromDay === s.toDay ? `le ${from}` : `du ${from} au ${s.toDay}`;
  return `${what} ${period} ${formatMonth(s.month)} (prorata ${occupiedDays(s)}/${s.daysInMonth})`;
}
