import { describe, expect, it } from 'vitest';
import { formatMonth } from '../format.ts';
import {
  FUTURE_MONTH_MESSAGE,
  monthBounds,
  monthFigures,
  monthOf,
  monthlyPointMonthBreak,
  monthlyPointMonths,
  nextMonth,
  type MonthActivity,
} from './monthly-point.ts';

describe('monthly point months (Paris)', () => {
  it('reads the Paris month of an instant, not the UTC one', () => {
    // 31 March 2026 at 23:30 in Paris (summer time) is still March there, already April in UTC… and the reverse.
    expect(monthOf(new Date('2026-03-31T21:30:00Z'))).toBe('2026-03');
    expect(monthOf(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04');
    expect(monthOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
  });

  it('names a month in French', () => {
    expect(formatMonth('2026-02')).toBe('février 2026');
    expect(formatMonth('2026-12')).toBe('décembre 2026');
  });

  it('moves to the next month across a year end', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-02')).toBe('2026-03');
  });

  it('bounds a month on Paris clocks across the daylight-saving changes', () => {
    expect(monthBounds('2026-03')).toEqual({
      from: new Date('2026-02-28T23:00:00Z'),
      to: new Date('2026-03-31T22:00:00Z'),
    });
    expect(monthBounds('2026-10')).toEqual({
      from: new Date('2026-09-30T22:00:00Z'),
      to: new Date('2026-10-31T23:00:00Z'),
    });
  });

  it('lists the months a measure owes a point, up to the current month or its end', () => {
    const now = new Date('2026-03-10T10:00:00Z');
    expect(monthlyPointMonths({ startOn: '2025-12-15', endedOn: null }, now)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(monthlyPointMonths({ startOn: '2025-11-30', endedOn: '2026-01-02' }, now)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(monthlyPointMonths({ startOn: null, endedOn: null }, now)).toEqual([]);
  });

  it('refuses a future month, a month before the start and a month after the end', () => {
    // 1 April 2026 00:30 in Paris: April has begun there though it is still March in UTC.
    const now = new Date('2026-03-31T22:30:00Z');
    const span = { startOn: '2026-01-31', endedOn: null };
    expect(monthlyPointMonthBreak('2026-04', span, now)).toBeNull();
    expect(monthlyPointMonthBreak('2026-05', span, now)).toBe(FUTURE_MONTH_MESSAGE);
    expect(monthlyPointMonthBreak('2026-01', span, now)).toBeNull();
    expect(monthlyPointMonthBreak('2025-12', span, now)).toMatch(/pas commencé/);
    expect(monthlyPointMonthBreak('2026-03', { startOn: '2026-01-31', endedOn: '2026-02-28' }, now)).toMatch(
      /terminée/,
    );
    expect(monthlyPointMonthBreak('2026-03', { startOn: null, endedOn: null }, now)).toMatch(/pas commencé/);
  });
});

describe('the month’s figures', () => {
  const objective = { versionId: '00000000-0000-4000-8000-000000000001', index: 0, title: 'Payer le loyer' };
  const a = (extra: Partial<MonthActivity>): MonthActivity => ({
    kind: 'phone_call',
    durationMinutes: 15,
    briques: [],
    objectives: [],
    ...extra,
  });

  it('counts activities, time, contacts and home visits, per brique and per objective', () => {
    const figures = monthFigures([
      a({ kind: 'home_visit', durationMinutes: 90, briques: ['2.4', '2.10'], objectives: [objective] }),
      a({ kind: 'phone_call', durationMinutes: 20, briques: ['2.4', '2.4'] }),
      a({ kind: 'partner_contact', durationMinutes: 30, briques: ['2.10'], objectives: [objective] }),
      a({ kind: 'letter_sent', durationMinutes: 10 }),
    ]);
    expect(figures).toEqual({
      activities: 4,
      minutes: 150,
      contacts: 2,
      homeVisits: 1,
      byBrique: [
        { code: '2.4', activities: 2, minutes: 110 },
        { code: '2.10', activities: 2, minutes: 120 },
      ],
      objectives: [{ ...objective, activities: 2 }],
    });
  });

  it('is empty for a month without activity', () => {
    expect(monthFigures([])).toEqual({
      activities: 0,
      minutes: 0,
      contacts: 0,
      homeVisits: 0,
      byBrique: [],
      objectives: [],
    });
  });
});
