import { describe, expect, it } from 'vitest';
import { activeLockEnd, afterFailure, lockedError, type LockState } from './lockout.ts';

const lockout = { maxFailures: 5, firstLockMinutes: 1, maxLockMinutes: 15 };
const now = new Date('2026-03-02T09:00:00Z');
const minutesAfterNow = (state: LockState) =>
  state.lockedUntil ? (state.lockedUntil.getTime() - now.getTime()) / 60_000 : null;

describe('lockout', () => {
  it('counts failures below the threshold without locking', () => {
    expect(afterFailure({ failedLoginCount: 3, lockedUntil: null }, now, lockout)).toEqual({
      failedLoginCount: 4,
      lockedUntil: null,
    });
  });

  it('delays from the threshold on, doubling with each failure up to the maximum', () => {
    const delays = [4, 5, 6, 7, 8, 9, 20].map((count) =>
      minutesAfterNow(afterFailure({ failedLoginCount: count, lockedUntil: null }, now, lockout)),
    );
    expect(delays).toEqual([1, 2, 4, 8, 15, 15, 15]);
  });

  it('is locked until the end, not after', () => {
    const state = { failedLoginCount: 5, lockedUntil: new Date('2026-03-02T09:15:00Z') };
    expect(activeLockEnd(state, now)).toEqual(state.lockedUntil);
    expect(activeLockEnd(state, new Date('2026-03-02T09:15:00Z'))).toBeNull();
    expect(activeLockEnd({ failedLoginCount: 2, lockedUntil: null }, now)).toBeNull();
  });

  it('gives the unlock time in Paris time', () => {
    const error = lockedError(new Date('2026-03-02T09:15:00Z'));
    expect(error.code).toBe('LOCKED');
    expect(error.message).toContain('10:15');
  });
});
