import type { TRepaymentSchedule } from '../contracts/housing-aids.ts';
import { addMonths } from '../measures/scheme-rules.ts';

/**
 * An aid granted as a loan (FSL accès or maintien, Loca-Pass advance) is repaid by the household
 * on its schedule: so much a month from the first instalment, the last taking the remainder, until
 * what was lent (the amount paid out) is repaid. The check is cumulative, as for a repayment plan:
 * an instalment is repaid when all the repayments recorded cover it and those before; one not
 * covered after its due day is missed (a surplus counts forward, a shortfall is caught up later).
 */

export type LoanInstalmentStatus = 'repaid' | 'missed' | 'upcoming';
export const LOAN_INSTALMENT_STATUS_LABELS: Record<LoanInstalmentStatus, string> = {
  repaid: 'Remboursée',
  missed: 'Non remboursée',
  upcoming: 'À venir',
};

export interface LoanInstalment {
  dueOn: string;
  amountCents: number;
  status: LoanInstalmentStatus;
  /** What is still to repay of it (0 when repaid). */
  shortfallCents: number;
}

/** The instalments of a loan of `lentCents` on its schedule. */
export function loanInstalments(
  schedule: TRepaymentSchedule,
  lentCents: number,
): { dueOn: string; amountCents: number }[] {
  const out: { dueOn: string; amountCents: number }[] = [];
  for (let i = 0, left = lentCents; left > 0 && i < schedule.months; i++) {
    const amountCents = i === schedule.months - 1 ? left : Math.min(schedule.monthlyCents, left);
    out.push({ dueOn: addMonths(schedule.firstInstalmentOn, i), amountCents });
    left -= amountCents;
  }
  return out;
}

/** Each instalment's state on `today`, given the total repaid so far. */
export function loanStatus(
  schedule: TRepaymentSchedule,
  lentCents: number,
  repaidCents: number,
  today: string,
): LoanInstalment[] {
  let due = 0;
  return loanInstalments(schedule, lentCents).map((i) => {
    const before = due;
    due += i.amountCents;
    const shortfallCents = Math.min(i.amountCents, Math.max(0, due - Math.max(repaidCents, before)));
    const status = shortfallCents === 0 ? 'repaid' : i.dueOn < today ? 'missed' : 'upcoming';
    return { ...i, status, shortfallCents };
  });
}
