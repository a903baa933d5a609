import { describe, expect, it } from 'vitest';
import { parisInstant } from '../time.ts';
import {
  ATTENDANCE_ALREADY_IN_JOURNAL,
  ATTENDANCE_NOT_INVITED,
  ATTENDANCE_TOO_EARLY,
  attendanceBreak,
  newlyPresent,
} from './rules.ts';

const at = (local: string) => new Date(parisInstant(local));
const invited = [
  { householdId: 'a', inJournal: true },
  { householdId: 'b', inJournal: false },
];

describe('workshop attendance rules', () => {
  it('refuses the sheet before the workshop starts, accepts it from its first minute', () => {
    const startsAt = at('2026-03-10T14:00');
    const marks = [{ householdId: 'b', attendance: 'present' as const }];
    expect(attendanceBreak(startsAt, invited, marks, at('2026-03-10T13:59'))).toBe(ATTENDANCE_TOO_EARLY);
    expect(attendanceBreak(startsAt, invited, marks, at('2026-03-10T14:00'))).toBeNull();
  });

  it('compares instants across the change to summer time (29 March 2026 in Paris)', () => {
    // 01:30 in Paris is 00:30 UTC; at 03:00 summer time (01:00 UTC) the workshop has begun.
    const startsAt = at('2026-03-29T01:30');
    const marks = [{ householdId: 'b', attendance: 'absent' as const }];
    expect(attendanceBreak(startsAt, invited, marks, new Date('2026-03-29T00:29:00Z'))).toBe(
      ATTENDANCE_TOO_EARLY,
    );
    expect(attendanceBreak(startsAt, invited, marks, at('2026-03-29T03:00'))).toBeNull();
  });

  it('takes only households invited, and never takes back a presence in the journal', () => {
    const now = at('2026-03-11T09:00');
    const startsAt = at('2026-03-10T14:00');
    expect(attendanceBreak(startsAt, invited, [{ householdId: 'z', attendance: 'present' }], now)).toBe(
      ATTENDANCE_NOT_INVITED,
    );
    expect(attendanceBreak(startsAt, invited, [{ householdId: 'a', attendance: 'excused' }], now)).toBe(
      ATTENDANCE_ALREADY_IN_JOURNAL,
    );
    expect(attendanceBreak(startsAt, invited, [{ householdId: 'a', attendance: 'present' }], now)).toBeNull();
  });

  it('writes to the journal only the households newly present', () => {
    expect(
      newlyPresent(invited, [
        { householdId: 'a', attendance: 'present' },
        { householdId: 'b', attendance: 'present' },
      ]),
    ).toEqual(['b']);
    expect(newlyPresent(invited, [{ householdId: 'b', attendance: 'absent' }])).toEqual([]);
  });
});
