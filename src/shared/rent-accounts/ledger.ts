import { monthOf, nextMonth } from '../evaluations/monthly-point.ts';
import { categoryOf, type Posting } from './postings.ts';

/**
 * A rent account's figures, all derived from its lines: the totals and balance, the arrears month by
 * month, a statement (relevé) of a period, and the dated balances. Lines are taken in their order:
 * by day posted, then as recorded (the caller sorts them so).
 */

export interface Totals {
  /** Net calls (the RLS and counter-entries of calls deducted). */
  callsCents: number;
  paymentsCents: number;
  aidsCents: number;
  /** What the occupant owes (negative: a credit). */
  balanceCents: number;
}

export function totals(lines: readonly Posting[]): Totals {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const t = { callsCents: 0, paymentsCents: 0, aidsCents: 0, balanceCents: 0 };
  for (const line of lines) {
    const category = categoryOf(line, byId);
    if (category === 'call') t.callsCents += line.amountCents;
    else if (category === 'payment') t.paymentsCents -= line.amountCents;
    else t.aidsCents -= line.amountCents;
    t.balanceCents += line.amountCents;
  }
  return t;
}

export interface MonthArrears {
  month: string;
  calledCents: number;
  /** Payments and aids of the month. */
  paidCents: number;
  balanceAtEndCents: number;
  /** The month's rent and charges net of the RLS (the last known one when the month has no call). */
  monthlyChargeCents: number;
  /** The balance at the month's end in months of rent and charges, to one decimal (0 without a debt). */
  monthsOfArrears: number;
}

const MONTHLY_CHARGE_KINDS = new Set(['rent_call', 'charges_call', 'rls']);

/**
 * Month by month (Paris calendar months of the day posted), from the first line's month to `until`
 * (or the last line's): called, paid, the balance at the month's end and what it is in months of the
 * month's rent and charges.
 */
export function arrearsByMonth(lines: readonly Posting[], until?: string): MonthArrears[] {
  if (lines.length === 0) return [];
  const byId = new Map(lines.map((l) => [l.id, l]));
  const months = new Map<string, { called: number; paid: number; net: number; charge: number }>();
  for (const line of lines) {
    const month = monthOf(line.postedOn);
    const m = months.get(month) ?? { called: 0, paid: 0, net: 0, charge: 0 };
    if (categoryOf(line, byId) === 'call') m.called += line.amountCents;
    else m.paid -= line.amountCents;
    m.net += line.amountCents;
    const kind = line.kind === 'counter_entry' ? byId.get(line.reversesPostingId!)!.kind : line.kind;
    if (MONTHLY_CHARGE_KINDS.has(kind)) m.charge += line.amountCents;
    months.set(month, m);
  }
  const first = [...months.keys()].sort()[0]!;
  const lastLine = [...months.keys()].sort().at(-1)!;
  const last = until && until > lastLine ? until : lastLine;
  const out: MonthArrears[] = [];
  let balance = 0;
  let charge = 0;
  for (let month = first; month <= last; month = nextMonth(month)) {
    const m = months.get(month) ?? { called: 0, paid: 0, net: 0, charge: 0 };
    balance += m.net;
    if (m.charge > 0) charge = m.charge;
    out.push({
      month,
      calledCents: m.called,
      paidCents: m.paid,
      balanceAtEndCents: balance,
      monthlyChargeCents: charge,
      monthsOfArrears: balance > 0 && charge > 0 ? Math.round((balance * 10) / charge) / 10 : 0,
    });
  }
  return out;
}

export interface StatementLine<P extends Posting = Posting> {
  posting: P;
  balanceAfterCents: number;
}

export interface Statement<P extends Posting = Posting> {
  from: string;
  to: string;
  openingBalanceCents: number;
  lines: StatementLine<P>[];
  closingBalanceCents: number;
}

/** The statement of the days `from`–`to` (inclusive): the balance before, each line with the running balance, the balance after. */
export function statement<P extends Posting>(lines: readonly P[], from: string, to: string): Statement<P> {
  let balance = 0;
  for (const line of lines) if (line.postedOn < from) balance += line.amountCents;
  const opening = balance;
  const out: StatementLine<P>[] = [];
  for (const line of lines) {
    if (line.postedOn < from || line.postedOn > to) continue;
    balance += line.amountCents;
    out.push({ posting: line, balanceAfterCents: balance });
  }
  return { from, to, openingBalanceCents: opening, lines: out, closingBalanceCents: balance };
}

/** The balance from each day a line was posted on, until the next such day (what the eviction work reads). */
export function datedBalances(lines: readonly Posting[]): { on: string; balanceCents: number }[] {
  const out: { on: string; balanceCents: number }[] = [];
  let balance = 0;
  for (const line of lines) {
    balance += line.amountCents;
    const last = out.at(-1);
    if (last?.on === line.postedOn) last.balanceCents = balance;
    else out.push({ on: line.postedOn, balanceCents: balance });
  }
  return out;
}

/** Lines in account order: by day posted, then as recorded. */
export const byAccountOrder = <P extends Posting & { sequence: number }>(a: P, b: P) =>
  a.postedOn < b.postedOn ? -1 : a.postedOn > b.postedOn ? 1 : a.sequence - b.sequence;
