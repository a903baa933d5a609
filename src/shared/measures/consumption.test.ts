import { describe, expect, it } from 'vitest';
import { monthsBegun, programmeMonths } from './consumption.ts';

describe('measure-months', () => {
  it('counts a month begun as a month due', () => {
    expect(monthsBegun('2026-01-15', '2026-01-15')).toBe(0);
    expect(monthsBegun('2026-01-15', '2026-01-16')).toBe(1);
    expect(monthsBegun('2026-01-15', '2026-02-15')).toBe(1);
    expect(monthsBegun('2026-01-15', '2026-02-16')).toBe(2);
    expect(monthsBegun('2026-01-31', '2026-02-28')).toBe(1);
    expect(monthsBegun('2024-01-01', '2027-01-01')).toBe(36);
  });

  it('splits a running measure into months consumed and months committed within the period', () => {
    const span = { startOn: '2026-03-01', lastDay: '2026-08-31', plannedMonths: 6 };
    const year = { from: '2026-01-01', to: '2026-12-31' };
    expect(programmeMonths(span, year, '2026-05-10')).toEqual({ consumed: 3, committed: 6 });
    expect(programmeMonths(span, year, '2026-12-01')).toEqual({ consumed: 6, committed: 6 });
    expect(programmeMonths(span, year, '2026-02-01')).toEqual({ consumed: 0, committed: 6 });
  });

  it('counts only the part of a measure inside the period', () => {
    const span = { startOn: '2025-10-01', lastDay: '2026-03-31', plannedMonths: 6 };
    expect(programmeMonths(span, { from: '2026-01-01', to: '2026-12-31' }, '2026-06-01')).toEqual({
      consumed: 3,
      committed: 3,
    });
  });

  it('commits its planned months for a measure validated but not started', () => {
    expect(
      programmeMonths(
        { startOn: null, lastDay: null, plannedMonths: 3 },
        { from: '2026-01-01', to: '2026-12-31' },
        '2026-06-01',
      ),
    ).toEqual({ consumed: 0, committed: 3 });
  });
});
