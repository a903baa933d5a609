import { describe, expect, it } from 'vitest';
import { evaluationsDue } from './due.ts';

describe('evaluations due', () => {
  it('puts the interim evaluation at mid-period and the final one in the last month', () => {
    expect(evaluationsDue({ periodStart: '2026-01-05', plannedEndOn: '2027-01-05' })).toEqual({
      interimDueOn: '2026-07-06',
      finalFrom: '2026-12-05',
      finalDueOn: '2027-01-05',
    });
  });

  it('counts the last month as French law does at a month end, across a daylight-saving change', () => {
    // 31 March − 1 month = 28 February; the period crosses the change of 29 March 2026.
    expect(evaluationsDue({ periodStart: '2025-09-30', plannedEndOn: '2026-03-31' })).toEqual({
      interimDueOn: '2025-12-30',
      finalFrom: '2026-02-28',
      finalDueOn: '2026-03-31',
    });
  });

  it('keeps the final evaluation inside a period shorter than a month', () => {
    expect(evaluationsDue({ periodStart: '2026-03-10', plannedEndOn: '2026-03-31' })).toMatchObject({
      finalFrom: '2026-03-10',
      interimDueOn: '2026-03-20',
    });
  });

  it('has no date for a measure not started or without a planned end', () => {
    expect(evaluationsDue({ periodStart: null, plannedEndOn: '2026-03-31' })).toBeNull();
    expect(evaluationsDue({ periodStart: '2026-03-10', plannedEndOn: null })).toBeNull();
  });
});
