import { monthOf, nextMonth } from '../evaluations/monthly-point.ts';
import { categoryOf, type Posting } from './postings.ts';

/**
 * Repayment plans (plans d'apurement, eviction-and-aids.md §3.2): a debt repaid in N monthly
 * instalments from a start month, over and above the current rent.
 */

export const MAX_INSTALMENTS = 120;

export interface PlanTerms {
  debtCents: number;
  instalmentCount: number;
  /** The first instalment's Paris month (YYYY-MM). */
  startMonth: string;
}

export interface Instalment {
  month: string;
  amountCents: number;
}

/** Why these terms make no plan, field by field in French (empty when they do). */
export function planTermsRefusal(terms: PlanTerms): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Number.isSafeInteger(terms.debtCents) || terms.debtCents <= 0)
    fields.debtCents = 'La dette à apurer est un montant positif.';
  if (
    !Number.isInteger(terms.instalmentCount) ||
    terms.instalmentCount < 1 ||
    terms.instalmentCount > MAX_INSTALMENTS
  )
    fields.instalmentCount = `Entre 1 et ${MAX_INSTALMENTS} mensualités.`;
  else if (
    Number.isSafeInteger(terms.debtCents) &&
    terms.debtCents > 0 &&
    terms.debtCents < terms.instalmentCount
  )
    fields.instalmentCount = 'Chaque mensualité doit être d’au moins un centime.';
  return fields;
}

/**
 * The instalments: the debt divided into equal whole cents, the last one taking the remainder, so
 * they add up to the debt exactly (1 000,00 € in 3: 333,33 €, 333,33 €, 333,34 €).
 */
export function instalmentSchedule(terms: PlanTerms): Instalment[] {
  const base = Math.floor(terms.debtCents / terms.instalmentCount);
  const out: Instalment[] = [];
  let month = terms.startMonth;
  for (let i = 0; i < terms.instalmentCount; i++) {
    const last = i === terms.instalmentCount - 1;
    out.push({ month, amountCents: last ? terms.debtCents - base * (terms.instalmentCount - 1) : base });
    month = nextMonth(month);
  }
  return out;
}

export type InstalmentStatus = 'kept' | 'missed' | 'upcoming';

export interface CheckedInstalment extends Instalment {
  status: InstalmentStatus;
  /** What was missing at the month's end to keep it, cumulatively (0 when kept). */
  shortfallCents: number;
}

/**
 * The monthly check, cumulative from the plan's start: the instalment of month M is kept when the
 * payments of the months from the start to M cover those months' own dues (calls less aids) plus
 * every instalment up to M's — put otherwise, the balance has gone down since the plan began by at
 * least the instalments due so far. A surplus paid early counts towards later months; a month short
 * is missed, and a later month is kept again once the arrears of the plan are caught up. A month
 * not yet ended is kept when already covered, else upcoming.
 */
export function checkInstalments(
  schedule: readonly Instalment[],
  lines: readonly Posting[],
  currentMonth: string,
): CheckedInstalment[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const start = schedule[0]?.month;
  const net = new Map<string, { paid: number; due: number }>();
  for (const line of lines) {
    const month = monthOf(line.postedOn);
    if (start === undefined || month < start) continue;
    const m = net.get(month) ?? { paid: 0, due: 0 };
    if (categoryOf(line, byId) === 'payment') m.paid -= line.amountCents;
    else m.due += line.amountCents;
    net.set(month, m);
  }
  let paid = 0;
  let due = 0;
  return schedule.map((instalment) => {
    const m = net.get(instalment.month) ?? { paid: 0, due: 0 };
    paid += m.paid;
    due += m.due + instalment.amountCents;
    const shortfall = Math.max(0, due - paid);
    const status: InstalmentStatus =
      shortfall === 0 ? 'kept' : instalment.month < currentMonth ? 'missed' : 'upcoming';
    return { ...instalment, status, shortfallCents: status === 'kept' ? 0 : shortfall };
  });
}
