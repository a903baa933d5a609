import { describe, expect, it } from 'vitest';
import { loanInstalments, loanStatus } from './loans.ts';
import { aidRepaymentErrors, type AidState } from './rules.ts';

const schedule = { firstInstalmentOn: '2026-01-31', monthlyCents: 10_000, months: 4 };

describe('a loan’s schedule', () => {
  it('falls due each month from the first instalment, month ends kept, the last taking the remainder', () => {
    expect(loanInstalments(schedule, 35_000)).toEqual([
      { dueOn: '2026-01-31', amountCents: 10_000 },
      { dueOn: '2026-02-28', amountCents: 10_000 },
      { dueOn: '2026-03-31', amountCents: 10_000 },
      { dueOn: '2026-04-30', amountCents: 5_000 },
    ]);
    // Less lent than granted: fewer instalments; nothing lent: none.
    expect(loanInstalments(schedule, 15_000).map((i) => i.amountCents)).toEqual([10_000, 5_000]);
    expect(loanInstalments(schedule, 0)).toEqual([]);
    expect(loanInstalments({ ...schedule, firstInstalmentOn: '2028-01-31' }, 20_000)[1]!.dueOn).toBe(
      '2028-02-29',
    );
  });

  it('checks the repayments cumulatively: a surplus counts forward, a shortfall is caught up', () => {
    const state = (repaid: number, today: string) =>
      loanStatus(schedule, 35_000, repaid, today).map((i) => [i.status, i.shortfallCents]);
    expect(state(0, '2026-01-31')).toEqual([
      ['upcoming', 10_000],
      ['upcoming', 10_000],
      ['upcoming', 10_000],
      ['upcoming', 5_000],
    ]);
    expect(state(15_000, '2026-03-01')).toEqual([
      ['repaid', 0],
      ['missed', 5_000],
      ['upcoming', 10_000],
      ['upcoming', 5_000],
    ]);
    expect(state(35_000, '2026-01-01').every(([s]) => s === 'repaid')).toBe(true);
  });
});

describe('a loan’s repayment', () => {
  const lent: AidState = {
    form: 'loan',
    status: 'paid',
    requestedOn: '2026-01-02',
    decidedOn: '2026-01-10',
    amountGrantedCents: 35_000,
    amountPaidCents: 35_000,
    lastPaidOn: '2026-01-15',
  };
  it.each([
    ['a repayment within what was lent', lent, 0, { paidOn: '2026-02-01', amountCents: 10_000 }, {}],
    [
      'a grant',
      { ...lent, form: 'grant' as const },
      0,
      { paidOn: '2026-02-01', amountCents: 100 },
      { amountCents: 'Seul un prêt se rembourse.' },
    ],
    [
      'a loan not paid out',
      { ...lent, status: 'granted' as const, amountPaidCents: 0 },
      0,
      { paidOn: '2026-02-01', amountCents: 100 },
      { amountCents: 'Un prêt se rembourse une fois versé.' },
    ],
    [
      'beyond what was lent',
      lent,
      30_000,
      { paidOn: '2026-02-01', amountCents: 5_001 },
      { amountCents: 'Le total remboursé ne peut pas dépasser le montant prêté.' },
    ],
    [
      'a loan fully repaid',
      lent,
      35_000,
      { paidOn: '2026-02-01', amountCents: 1 },
      { amountCents: 'Le prêt est déjà entièrement remboursé.' },
    ],
    [
      'before the grant',
      lent,
      0,
      { paidOn: '2026-01-09', amountCents: 1 },
      { paidOn: 'Le remboursement ne peut pas précéder l’accord du prêt.' },
    ],
    [
      'in the future',
      lent,
      0,
      { paidOn: '2026-06-16', amountCents: 1 },
      { paidOn: 'Le remboursement ne peut pas être daté dans le futur.' },
    ],
  ])('answers %s', (_why, aid, repaid, repayment, errors) => {
    expect(aidRepaymentErrors(aid, repaid, repayment, '2026-06-15')).toEqual(errors);
  });
});
