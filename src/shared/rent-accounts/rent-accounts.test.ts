import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrearsByMonth, datedBalances, statement, totals } from './ledger.ts';
import { checkInstalments, instalmentSchedule, planTermsRefusal } from './plans.ts';
import {
  CATEGORY_OF,
  SIGN_OF,
  amountRefusal,
  counterEntryOf,
  reversalRefusal,
  type Posting,
  type PostingKind,
} from './postings.ts';

const line = (
  id: string,
  kind: PostingKind,
  amountCents: number,
  postedOn: string,
  reverses: string | null = null,
): Posting => ({
  id,
  kind,
  amountCents,
  postedOn,
  reversesPostingId: reverses,
});

const PLAIN_KINDS = Object.keys(CATEGORY_OF) as Exclude<PostingKind, 'counter_entry'>[];

/** Random account histories: lines of every kind with amounts of their sign, some reversed, in day order. */
const history = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...PLAIN_KINDS),
      cents: fc.integer({ min: 1, max: 200_000 }),
      negative: fc.boolean(),
      day: fc.integer({ min: 0, max: 900 }),
      reverseLater: fc.boolean(),
    }),
    { maxLength: 60 },
  )
  .map((drafts) => {
    const lines: Posting[] = [];
    drafts
      .sort((a, b) => a.day - b.day)
      .forEach((d, i) => {
        const sign = SIGN_OF[d.kind] === 0 ? (d.negative ? -1 : 1) : SIGN_OF[d.kind];
        const on = dayAfter('2020-01-01', d.day);
        const posted = line(`p${i}`, d.kind, sign * d.cents, on);
        lines.push(posted);
        if (d.reverseLater) lines.push({ ...posted, ...counterEntryOf(posted), id: `c${i}` });
      });
    return lines;
  });

function dayAfter(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('rent account lines', () => {
  it('checks the sign of each kind', () => {
    expect(amountRefusal('payment', -5000)).toBeNull();
    expect(amountRefusal('payment', 5000)).toMatch(/négatif/);
    expect(amountRefusal('rent_call', -1)).toMatch(/positif/);
    expect(amountRefusal('charges_regularisation', -1200)).toBeNull();
    expect(amountRefusal('charges_regularisation', 1200)).toBeNull();
    expect(amountRefusal('procedure_costs', 0)).toMatch(/nul/);
  });

  it('reverses a line once, and never a counter-entry', () => {
    const paid = line('a', 'payment', -30_000, '2026-01-05');
    const counter = { ...line('b', 'counter_entry', 0, '2026-01-06'), ...counterEntryOf(paid) };
    expect(counter.amountCents).toBe(30_000);
    expect(reversalRefusal(paid, [paid])).toBeNull();
    expect(reversalRefusal(paid, [paid, counter])).toMatch(/déjà/);
    expect(reversalRefusal(counter, [paid, counter])).toMatch(/ne se contre-passe pas/);
  });

  it('keeps balance = calls − payments − aids on any sequence, counter-entries included', () => {
    fc.assert(
      fc.property(history, (lines) => {
        const t = totals(lines);
        expect(t.balanceCents).toBe(t.callsCents - t.paymentsCents - t.aidsCents);
        expect(t.balanceCents).toBe(lines.reduce((s, l) => s + l.amountCents, 0));
      }),
    );
  });

  it('cancels a line exactly with its counter-entry', () => {
    fc.assert(
      fc.property(history, (lines) => {
        const reversed = new Set(lines.map((l) => l.reversesPostingId).filter(Boolean));
        const kept = lines.filter((l) => !reversed.has(l.id) && l.kind !== 'counter_entry');
        expect(totals(lines)).toEqual(totals(kept));
      }),
    );
  });

  it('opens each statement on the previous one’s closing balance', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 899 }), (lines, cut) => {
        const split = dayAfter('2020-01-01', cut);
        const first = statement(lines, '2019-01-01', dayAfter(split, -1));
        const second = statement(lines, split, '2023-12-31');
        expect(second.openingBalanceCents).toBe(first.closingBalanceCents);
        expect(second.closingBalanceCents).toBe(totals(lines).balanceCents);
        expect(first.lines.length + second.lines.length).toBe(lines.length);
      }),
    );
  });

  it('counts the arrears month by month, in months of rent and charges', () => {
    const lines = [
      line('1', 'rent_call', 40_000, '2026-01-01'),
      line('2', 'charges_call', 8_000, '2026-01-01'),
      line('3', 'rls', -3_000, '2026-01-01'),
      line('4', 'housing_benefit', -20_000, '2026-01-01'),
      line('5', 'payment', -25_000, '2026-01-10'),
      line('6', 'rent_call', 40_000, '2026-02-01'),
      line('7', 'charges_call', 8_000, '2026-02-01'),
      line('8', 'rls', -3_000, '2026-02-01'),
      line('9', 'housing_benefit', -20_000, '2026-02-01'),
    ];
    const months = arrearsByMonth(lines, '2026-03');
    expect(
      months.map((m) => [m.month, m.calledCents, m.paidCents, m.balanceAtEndCents, m.monthsOfArrears]),
    ).toEqual([
      ['2026-01', 45_000, 45_000, 0, 0],
      ['2026-02', 45_000, 20_000, 25_000, 0.6],
      ['2026-03', 0, 0, 25_000, 0.6],
    ]);
    expect(datedBalances(lines)).toEqual([
      { on: '2026-01-01', balanceCents: 25_000 },
      { on: '2026-01-10', balanceCents: 0 },
      { on: '2026-02-01', balanceCents: 25_000 },
    ]);
  });

  it('ends the arrears table on the balance', () => {
    fc.assert(
      fc.property(history, (lines) => {
        const months = arrearsByMonth(lines);
        expect(months.at(-1)?.balanceAtEndCents ?? 0).toBe(totals(lines).balanceCents);
      }),
    );
  });
});

describe('repayment plans', () => {
  it('puts the remainder on the last instalment', () => {
    expect(instalmentSchedule({ debtCents: 100_000, instalmentCount: 3, startMonth: '2026-11' })).toEqual([
      { month: '2026-11', amountCents: 33_333 },
      { month: '2026-12', amountCents: 33_333 },
      { month: '2027-01', amountCents: 33_334 },
    ]);
  });

  it('refuses terms that make no plan', () => {
    expect(planTermsRefusal({ debtCents: 0, instalmentCount: 0, startMonth: '2026-01' })).toEqual({
      debtCents: expect.any(String),
      instalmentCount: expect.any(String),
    });
    expect(planTermsRefusal({ debtCents: 2, instalmentCount: 3, startMonth: '2026-01' })).toHaveProperty(
      'instalmentCount',
    );
  });

  const terms = fc.record({
    debtCents: fc.integer({ min: 120, max: 5_000_000 }),
    instalmentCount: fc.integer({ min: 1, max: 120 }),
    startMonth: fc.constantFrom('2025-01', '2026-11', '2027-12'),
  });

  it('has instalments adding up to the debt', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const schedule = instalmentSchedule(t);
        expect(schedule).toHaveLength(t.instalmentCount);
        expect(schedule.reduce((s, i) => s + i.amountCents, 0)).toBe(t.debtCents);
        expect(schedule.every((i) => i.amountCents > 0)).toBe(true);
      }),
    );
  });

  it('never finds a plan paid exactly missed', () => {
    fc.assert(
      fc.property(
        terms,
        fc.array(
          fc.record({ rent: fc.integer({ min: 0, max: 100_000 }), aid: fc.integer({ min: 0, max: 50_000 }) }),
          {
            minLength: 120,
            maxLength: 120,
          },
        ),
        (t, months) => {
          const schedule = instalmentSchedule(t);
          const lines: Posting[] = schedule.flatMap((instalment, i) => {
            const { rent, aid } = months[i]!;
            const day = `${instalment.month}-01`;
            const out = [
              line(`r${i}`, 'rent_call', rent + 1, day),
              line(`p${i}`, 'payment', -(rent + 1 - aid + instalment.amountCents), `${instalment.month}-28`),
            ];
            if (aid > 0) out.push(line(`a${i}`, 'housing_benefit', -aid, day));
            return out;
          });
          const checked = checkInstalments(schedule, lines, '2040-01');
          expect(checked.filter((c) => c.status !== 'kept')).toEqual([]);
        },
      ),
    );
  });

  it('misses a month short, and keeps the next once caught up', () => {
    const schedule = instalmentSchedule({ debtCents: 30_000, instalmentCount: 3, startMonth: '2026-01' });
    const lines = [
      line('1', 'rent_call', 50_000, '2026-01-01'),
      line('2', 'payment', -60_000, '2026-01-05'),
      line('3', 'rent_call', 50_000, '2026-02-01'),
      line('4', 'payment', -50_000, '2026-02-05'),
      line('5', 'rent_call', 50_000, '2026-03-01'),
      line('6', 'payment', -70_000, '2026-03-05'),
    ];
    expect(checkInstalments(schedule, lines, '2026-03').map((c) => [c.status, c.shortfallCents])).toEqual([
      ['kept', 0],
      ['missed', 10_000],
      ['kept', 0],
    ]);
    expect(checkInstalments(schedule, lines.slice(0, 4), '2026-03').map((c) => c.status)).toEqual([
      'kept',
      'missed',
      'upcoming',
    ]);
  });
});
