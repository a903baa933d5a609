import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, monthShare, partOf, prorataLabel, prorate, type MonthShare } from './proration.ts';

const share = (month: string, fromDay: number, toDay: number): MonthShare => ({
  month,
  fromDay,
  toDay,
  daysInMonth: daysInMonth(month),
});

describe('a month called pro rata temporis', () => {
  it.each([
    ['2026-01', 31],
    ['2026-02', 28],
    ['2026-04', 30],
    ['2028-02', 29],
    ['2100-02', 28],
    ['2000-02', 29],
  ])('counts the days of %s: %i', (month, n) => {
    expect(daysInMonth(month)).toBe(n);
  });

  it.each([
    // month, contract start, contract end, days covered (null: the contract does not run that month)
    ['2026-03', '2026-03-15', null, { fromDay: 15, toDay: 31, daysInMonth: 31 }],
    ['2026-03', '2026-03-01', null, { fromDay: 1, toDay: 31, daysInMonth: 31 }],
    ['2026-03', '2025-11-20', null, { fromDay: 1, toDay: 31, daysInMonth: 31 }],
    ['2026-04', '2026-04-16', null, { fromDay: 16, toDay: 30, daysInMonth: 30 }],
    ['2026-02', '2025-06-01', '2026-02-14', { fromDay: 1, toDay: 14, daysInMonth: 28 }],
    ['2028-02', '2028-02-15', null, { fromDay: 15, toDay: 29, daysInMonth: 29 }],
    ['2026-03', '2026-03-10', '2026-03-20', { fromDay: 10, toDay: 20, daysInMonth: 31 }],
    ['2026-03', '2026-03-31', '2026-03-31', { fromDay: 31, toDay: 31, daysInMonth: 31 }],
    ['2026-03', '2026-04-01', null, null],
    ['2026-03', '2025-01-01', '2026-02-28', null],
  ])('%s for a contract from %s to %s', (month, startOn, endOn, expected) => {
    expect(monthShare(month, startOn, endOn)).toEqual(expected && { month, ...expected });
  });

  it.each([
    // amount, share, prorated, why
    [42_000, share('2026-03', 1, 31), 42_000, 'a whole 31-day month is the whole amount'],
    [42_000, share('2026-02', 1, 28), 42_000, 'a whole 28-day month'],
    [42_000, share('2028-02', 1, 29), 42_000, 'a whole leap February'],
    [42_000, share('2026-04', 1, 30), 42_000, 'a whole 30-day month'],
    [42_000, share('2026-03', 15, 31), 23_032, '42000 − round(42000 × 14/31 = 18967.74)'],
    [42_000, share('2026-03', 1, 14), 18_968, 'the other part of the same month'],
    [42_000, share('2026-04', 16, 30), 21_000, 'half of a 30-day month'],
    [42_000, share('2026-02', 1, 14), 21_000, 'half of a 28-day February'],
    [42_000, share('2028-02', 15, 29), 21_724, '42000 − round(42000 × 14/29 = 20275.86)'],
    [42_000, share('2026-03', 10, 20), 14_903, 'round(42000 × 20/31) − round(42000 × 9/31) = 27097 − 12194'],
    [-3_000, share('2026-03', 15, 31), -1_645, 'a deduction (RLS, benefit): the same rule, signed'],
    [1, share('2026-04', 1, 15), 1, 'half a cent rounds away from zero'],
    [1, share('2026-04', 16, 30), 0, '…and the rest of the month is what is left'],
  ])('prorates %i over %o to %i (%s)', (amount, s, expected) => {
    expect(prorate(amount, s)).toBe(expected);
  });

  it('splits any month between two contracts without losing or adding a cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5_000_000, max: 5_000_000 }),
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (amount, year, m, day) => {
          const month = `${year}-${String(m).padStart(2, '0')}`;
          const n = daysInMonth(month);
          const d = Math.min(day, n);
          const left = prorate(amount, share(month, 1, d));
          const right = d < n ? prorate(amount, share(month, d + 1, n)) : 0;
          expect(left + right).toBe(amount);
          // Day by day, the month still sums to the amount.
          let days = 0;
          for (let i = 1; i <= n; i++) days += prorate(amount, share(month, i, i));
          expect(days).toBe(amount);
        },
      ),
    );
  });

  it.each([
    // amount, called days, kept days, kept part, why
    [
      42_000,
      share('2026-03', 1, 31),
      share('2026-03', 1, 17),
      23_032,
      'a whole month kept to the 17th: prorate',
    ],
    [42_000, share('2026-03', 10, 31), share('2026-03', 10, 20), 21_000, '11 of the 22 days called'],
    [42_000, share('2026-03', 10, 31), share('2026-03', 10, 31), 42_000, 'all the days called'],
    [-20_000, share('2026-03', 1, 31), share('2026-03', 1, 17), -10_968, 'a benefit kept to the 17th'],
  ])('keeps of %i called for %o the days %o: %i (%s)', (amount, called, kept, expected) => {
    expect(partOf(amount, called, kept)).toBe(expected);
    expect(
      partOf(amount, called, kept) +
        (kept.toDay < called.toDay ? partOf(amount, called, { ...called, fromDay: kept.toDay + 1 }) : 0),
    ).toBe(amount);
  });

  it('refuses to keep days that were not called', () => {
    expect(() => partOf(100, share('2026-03', 10, 31), share('2026-03', 1, 20))).toThrow();
  });

  it('says the period and the fraction in the call’s label, nothing for a whole month', () => {
    expect(prorataLabel('Loyer', share('2026-03', 15, 31))).toBe(
      'Loyer du 15 au 31 mars 2026 (prorata 17/31)',
    );
    expect(prorataLabel('Charges', share('2026-02', 1, 14))).toBe(
      'Charges du 1er au 14 février 2026 (prorata 14/28)',
    );
    expect(prorataLabel('Loyer', share('2026-03', 31, 31))).toBe('Loyer le 31 mars 2026 (prorata 1/31)');
    expect(prorataLabel('Loyer', share('2028-02', 1, 29))).toBeNull();
  });
});
