import { describe, expect, it } from 'vitest';
import type { OccupancyKind } from '../contracts/housing-stock.ts';
import {
  daysCovered,
  daysInYear,
  dwellingYear,
  prorateYear,
  rentOver,
  yearWindow,
  type ConventionFee,
  type DayRange,
} from './review.ts';
import { glaPlan } from './gla-plan.ts';
import { inForceOn, occupancyText, partsOf, sameFee, termHistory } from './terms.ts';

const wholeYear = { from: '2020-01-01', until: null };
const perYear = termHistory({ mode: 'per_dwelling_year', perDwellingYearCents: 30_000 } as const, []);
const tenPercent = termHistory({ mode: 'rent_share', perMille: 100 } as const, []);
const rent = [{ effectiveFrom: '2020-01-01', monthlyRentCents: 40_000 }];

describe('the yearly review of a convention', () => {
  it('counts the year’s days, 366 in a leap year', () => {
    expect(daysInYear(2026)).toBe(365);
    expect(daysInYear(2028)).toBe(366);
    expect(prorateYear(30_000, 366, 2028)).toBe(30_000);
  });

  it('keeps the days of the year within the convention and the availability', () => {
    expect(yearWindow(2026, wholeYear, { from: '2026-07-01', until: null })).toEqual({
      from: '2026-07-01',
      to: '2026-12-31',
    });
    expect(
      yearWindow(2026, { from: '2020-01-01', until: '2026-03-31' }, { from: '2025-05-01', until: null }),
    ).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(yearWindow(2026, { from: '2027-01-01', until: null })).toBeNull();
  });

  it('counts occupied days once where contracts overlap or follow each other', () => {
    const window = { from: '2026-01-01', to: '2026-12-31' };
    expect(daysCovered(window, [])).toBe(0);
    // A sublease to 31 May, the household's own lease from 1 June (no gap), then nothing.
    expect(
      daysCovered(window, [
        { from: '2025-06-01', until: '2026-05-31' },
        { from: '2026-06-01', until: '2026-06-30' },
      ]),
    ).toBe(181);
    expect(
      daysCovered(window, [
        { from: '2026-02-01', until: '2026-02-28' },
        { from: '2026-02-10', until: '2026-03-05' },
      ]),
    ).toBe(33);
    expect(daysCovered(window, [{ from: '2026-12-01', until: null }])).toBe(31);
  });

  it('prorates the fee per dwelling-year by the days made available', () => {
    const full = dwellingYear(2026, wholeYear, perYear, {
      available: wholeYear,
      occupancies: [],
      rents: rent,
    });
    expect(full).toEqual({
      availableDays: 365,
      occupiedDays: 0,
      vacantDays: 365,
      baseRentCents: 480_000,
      feeCents: 30_000,
    });
    const half = dwellingYear(2026, wholeYear, perYear, {
      available: { from: '2026-07-02', until: null },
      occupancies: [{ from: '2026-08-01', until: null }],
      rents: rent,
    });
    // 183 days of 365: 30 000 × 183 / 365 = 15 041.1 cents.
    expect(half).toMatchObject({ availableDays: 183, occupiedDays: 153, vacantDays: 30, feeCents: 15_041 });
  });

  it('takes a share of the base rent in force each month, prorated by days', () => {
    const rents = [...rent, { effectiveFrom: '2026-07-01', monthlyRentCents: 42_000 }];
    expect(rentOver({ from: '2026-01-01', to: '2026-12-31' }, rents)).toBe(6 * 40_000 + 6 * 42_000);
    // Half of February 2028 (29 days): 40 000 × 14 / 29.
    expect(rentOver({ from: '2028-02-16', to: '2028-02-29' }, rent)).toBe(Math.round((40_000 * 14) / 29));
    const year = dwellingYear(2026, wholeYear, tenPercent, { available: wholeYear, occupancies: [], rents });
    expect(year.feeCents).toBe(49_200);
  });

  it('owes nothing for a dwelling made available outside the year', () => {
    expect(
      dwellingYear(2026, wholeYear, perYear, {
        available: { from: '2024-01-01', until: '2025-12-31' },
        occupancies: [],
        rents: rent,
      }),
    ).toEqual({ availableDays: 0, occupiedDays: 0, vacantDays: 0, baseRentCents: 0, feeCents: 0 });
  });
});

describe('a convention’s terms over its amendments', () => {
  const fee = (cents: number): ConventionFee => ({ mode: 'per_dwelling_year', perDwellingYearCents: cents });
  // Amendment 1 raised the fee from 300 € to 360 € on 1 July 2026, amendment 2 moved to 10 % of the rent in 2027.
  const fees = termHistory(fee(36_000), [
    { on: '2026-07-01', before: fee(30_000), after: fee(36_000) },
    { on: '2027-01-01', before: fee(36_000), after: { mode: 'rent_share', perMille: 100 } },
  ]);

  it('knows the terms in force on a day, before, between and after the amendments', () => {
    expect(inForceOn(fees, '2020-05-01')).toEqual(fee(30_000));
    expect(inForceOn(fees, '2026-06-30')).toEqual(fee(30_000));
    expect(inForceOn(fees, '2026-07-01')).toEqual(fee(36_000));
    expect(inForceOn(fees, '2027-03-01')).toEqual({ mode: 'rent_share', perMille: 100 });
    expect(termHistory(fee(1), [])).toEqual([{ from: '0000-01-01', value: fee(1) }]);
    expect(sameFee(fee(1), fee(1))).toBe(true);
    expect(sameFee(fee(1), { mode: 'rent_share', perMille: 1 })).toBe(false);
  });

  it('cuts a window where the terms change', () => {
    expect(partsOf({ from: '2026-01-01', to: '2026-12-31' }, fees)).toEqual([
      { from: '2026-01-01', to: '2026-06-30', value: fee(30_000) },
      { from: '2026-07-01', to: '2026-12-31', value: fee(36_000) },
    ]);
    expect(partsOf({ from: '2026-07-01', to: '2026-08-31' }, fees)).toEqual([
      { from: '2026-07-01', to: '2026-08-31', value: fee(36_000) },
    ]);
  });

  it('prorates the fee by the days each one was in force', () => {
    const year = (y: number, available: DayRange = wholeYear) =>
      dwellingYear(y, wholeYear, fees, { available, occupancies: [], rents: rent }).feeCents;
    // 181 days at 300 € and 184 at 360 €: (30 000 × 181 + 36 000 × 184) / 365 = 33 024.66 cents.
    expect(year(2026)).toBe(33_025);
    // Made available on 1 October: only the new fee, for 92 days.
    expect(year(2026, { from: '2026-10-01', until: null })).toBe(Math.round((36_000 * 92) / 365));
    // Ended on 31 March: only the old fee, for 90 days.
    expect(year(2026, { from: '2025-01-01', until: '2026-03-31' })).toBe(Math.round((30_000 * 90) / 365));
    // 2027: 10 % of a rent of 400 € a month.
    expect(year(2027)).toBe(48_000);
  });

  it('tells the occupancy types of a dwelling over the year in words', () => {
    const kinds = termHistory<OccupancyKind>('bail_glissant', [
      { on: '2026-07-01', before: 'sublease', after: 'bail_glissant' },
    ]);
    expect(occupancyText({ from: '2026-01-01', to: '2026-12-31' }, kinds)).toBe(
      'Sous-location sans glissement, puis bail glissant à partir du 01/07/2026',
    );
    expect(occupancyText({ from: '2026-08-01', to: '2026-12-31' }, kinds)).toBe('Bail glissant');
  });
});

describe('the GLA yearly plan', () => {
  it('plans twelve monthly contacts, the visit, the technical check and the consumption review over a whole year', () => {
    const plan = glaPlan(2026, wholeYear);
    const contacts = plan.filter((t) => t.kind === 'monthly_contact').map((t) => t.dueOn);
    expect(contacts).toHaveLength(12);
    expect(contacts.slice(0, 3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(plan.filter((t) => t.kind !== 'monthly_contact')).toEqual([
      { kind: 'yearly_visit', dueOn: '2026-04-01' },
      { kind: 'technical_check', dueOn: '2026-07-01' },
      { kind: 'consumption_review', dueOn: '2026-12-31' },
    ]);
  });

  it('plans from the start of the management, and no later than its end', () => {
    const plan = glaPlan(2028, { from: '2028-11-15', until: '2029-06-30' });
    expect(plan).toEqual([
      { kind: 'monthly_contact', dueOn: '2028-11-30' },
      { kind: 'monthly_contact', dueOn: '2028-12-31' },
      { kind: 'yearly_visit', dueOn: '2028-12-31' },
      { kind: 'technical_check', dueOn: '2028-12-31' },
      { kind: 'consumption_review', dueOn: '2028-12-31' },
    ]);
    const cut = glaPlan(2028, { from: '2027-03-01', until: '2028-02-10' });
    expect(cut.filter((t) => t.kind === 'monthly_contact').map((t) => t.dueOn)).toEqual([
      '2028-01-31',
      '2028-02-10',
    ]);
    expect(glaPlan(2026, { from: '2027-01-01', until: null })).toEqual([]);
  });
});
