import { describe, expect, it } from 'vitest';
import { crossesThreshold, DEFAULT_ARREARS_THRESHOLD } from './arrears.ts';

describe('arrears threshold', () => {
  const due = 50_000; // 420 € rent + 80 € charges
  it('signals from two months of rent and charges by default, at the boundary included', () => {
    expect(
      crossesThreshold(
        { balanceCents: 99_999, monthlyDueCents: due, months: null },
        DEFAULT_ARREARS_THRESHOLD,
      ),
    ).toBe(false);
    expect(
      crossesThreshold(
        { balanceCents: 100_000, monthlyDueCents: due, months: null },
        DEFAULT_ARREARS_THRESHOLD,
      ),
    ).toBe(true);
  });
  it('uses the amount when the landlord set one', () => {
    const t = { months: 2, amountCents: 30_000 };
    expect(crossesThreshold({ balanceCents: 30_000, monthlyDueCents: due, months: null }, t)).toBe(true);
    expect(crossesThreshold({ balanceCents: 29_999, monthlyDueCents: due, months: null }, t)).toBe(false);
  });
  it('falls back on the months the file gave when no rent is known; a credit never signals', () => {
    expect(
      crossesThreshold({ balanceCents: 10_000, monthlyDueCents: null, months: 2 }, DEFAULT_ARREARS_THRESHOLD),
    ).toBe(true);
    expect(
      crossesThreshold(
        { balanceCents: 10_000, monthlyDueCents: null, months: null },
        DEFAULT_ARREARS_THRESHOLD,
      ),
    ).toBe(false);
    expect(
      crossesThreshold(
        { balanceCents: -5_000, monthlyDueCents: due, months: 3 },
        { months: 2, amountCents: 0 },
      ),
    ).toBe(false);
  });
});
