import { describe, expect, it } from 'vitest';
import {
  currentWatch,
  householdWatchUntil,
  incidentSummary,
  underWatch,
  watchEndsOn,
  watchVisitDueOn,
  type WatchFacts,
} from './rules.ts';

const watch = (
  endedOn: string,
  watchMonths: number | null,
  nextStartOn: string | null = null,
): WatchFacts => ({
  endedOn,
  watchMonths,
  nextStartOn,
});

describe('the watch window', () => {
  it('ends the watch months after the end, at the end of a shorter month and on leap days', () => {
    expect(watchEndsOn(watch('2026-01-31', 1))).toBe('2026-02-28');
    expect(watchEndsOn(watch('2024-01-31', 1))).toBe('2024-02-29');
    expect(watchEndsOn(watch('2024-02-29', 24))).toBe('2026-02-28');
    expect(watchEndsOn(watch('2025-06-30', 24))).toBe('2027-06-30');
    expect(watchEndsOn(watch('2025-06-30', null))).toBeNull();
  });

  it('runs from the day after the end through its last day', () => {
    const m = watch('2026-01-31', 1);
    expect(underWatch(m, '2026-01-31')).toBe(false); // the measure's last day
    expect(underWatch(m, '2026-02-01')).toBe(true);
    expect(underWatch(m, '2026-02-28')).toBe(true);
    expect(underWatch(m, '2026-03-01')).toBe(false);
    expect(underWatch(watch('2026-01-31', null), '2026-02-01')).toBe(false);
  });

  it('ends early on the day a new measure starts', () => {
    const m = watch('2026-03-28', 24, '2026-10-25'); // a start on the autumn daylight-saving Sunday
    expect(underWatch(m, '2026-10-24')).toBe(true);
    expect(underWatch(m, '2026-10-25')).toBe(false);
    expect(underWatch(m, '2027-01-01')).toBe(false);
  });
});

describe('the yearly watch visit', () => {
  it('is due on each anniversary of the end within the watch', () => {
    const m = watch('2026-03-29', 24); // ended on the spring daylight-saving Sunday
    expect(watchVisitDueOn(m, null)).toBe('2027-03-29');
    expect(watchVisitDueOn(m, '2026-09-01')).toBe('2028-03-29'); // covers the first year
    expect(watchVisitDueOn(m, '2027-03-29')).toBe('2028-03-29'); // on the anniversary: the first year's
    expect(watchVisitDueOn(m, '2027-03-30')).toBeNull(); // covers the second year: none left
    expect(watchVisitDueOn(watch('2026-03-29', 36), '2027-03-30')).toBe('2029-03-29');
  });

  it('ignores visits before the end, and keeps to the watch (18 months: one visit)', () => {
    expect(watchVisitDueOn(watch('2026-01-15', 24), '2025-12-01')).toBe('2027-01-15');
    expect(watchVisitDueOn(watch('2026-01-15', 18), '2027-02-01')).toBeNull();
    expect(watchVisitDueOn(watch('2026-01-15', 11), null)).toBeNull();
    expect(watchVisitDueOn(watch('2026-01-15', null), null)).toBeNull();
  });

  it('counts anniversaries of month ends and leap days as French law counts months', () => {
    expect(watchVisitDueOn(watch('2024-02-29', 24), null)).toBe('2025-02-28');
    expect(watchVisitDueOn(watch('2024-02-29', 36), '2025-02-28')).toBe('2026-02-28');
    expect(watchVisitDueOn(watch('2024-02-29', 36), '2025-03-01')).toBe('2027-02-28');
    expect(watchVisitDueOn(watch('2027-02-28', 24), null)).toBe('2028-02-28');
  });
});

describe('the household’s watch status', () => {
  const ended = { startOn: '2025-01-31', endedOn: '2026-01-31', watchMonths: 24 };

  it('is the last day of the watch while it lasts', () => {
    expect(householdWatchUntil([ended], '2026-02-01')).toBe('2028-01-31');
    expect(householdWatchUntil([ended], '2028-01-31')).toBe('2028-01-31');
    expect(householdWatchUntil([ended], '2028-02-01')).toBeNull();
    expect(householdWatchUntil([{ ...ended, watchMonths: null }], '2026-02-01')).toBeNull();
  });

  it('ends when a new measure starts, and waits for a proposed one to start', () => {
    const next = { startOn: '2026-06-01', endedOn: null, watchMonths: null };
    expect(householdWatchUntil([ended, next], '2026-05-31')).toBe('2028-01-31');
    expect(householdWatchUntil([ended, next], '2026-06-01')).toBeNull();
    const proposed = { startOn: null, endedOn: null, watchMonths: null };
    expect(householdWatchUntil([ended, proposed], '2026-06-01')).toBe('2028-01-31');
  });
});

describe('the current watch', () => {
  it('names the measure whose watch runs, the latest end when two do', () => {
    const first = { startOn: '2024-01-01', endedOn: '2025-01-31', watchMonths: 24 };
    const second = { startOn: '2025-03-01', endedOn: '2025-06-30', watchMonths: 24 };
    expect(currentWatch([first, second], '2025-07-01')).toEqual({ measure: second, until: '2027-06-30' });
    // The second start ended the first watch; before the second measure ended, no watch ran.
    expect(currentWatch([first, second], '2025-04-01')).toBeNull();
    expect(currentWatch([first], '2025-04-01')).toEqual({ measure: first, until: '2027-01-31' });
    expect(currentWatch([{ ...first, watchMonths: null }], '2025-04-01')).toBeNull();
  });
});

describe('an incident in words', () => {
  it('says new arrears with their amount and date, another incident with its note', () => {
    expect(
      incidentSummary({ kind: 'rent_arrears', occurredOn: '2027-03-03', amountCents: 85_000, note: null }),
    ).toBe(`Nouveaux impayés de loyer : 850,00\u00a0€ au 03/03/2027`);
    expect(
      incidentSummary({
        kind: 'neighbourhood_trouble',
        occurredOn: '2027-03-03',
        amountCents: null,
        note: ' Plaintes répétées pour bruit ',
      }),
    ).toBe('Trouble de voisinage le 03/03/2027 — Plaintes répétées pour bruit');
  });
});
