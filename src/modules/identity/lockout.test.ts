import { describe, expect, it } from 'vitest';
import { activeLockEnd, afterFailure, lockedError } from './lockout.ts';

const lockout = { maxFailures: 5, lockMinutes: 15 };
const now = new Date('2026-03-02T09:00:00Z');

describe('lockout', () => {
  it('counts failures below the threshold without locking', () => {
    expect(afterFailure({ failedLoginCount: 3, lockedUntil: null }, now, lockout)).toEqual({
      failedLoginCount: 4,
      lockedUntil: null,
    });
  });

  it('locks at the threshold for lockMinutes and restarts the count', () => {
    const next = afterFailure({ failedLoginCount: 4, lockedUntil: null }, now, lockout);
    expect(next).toEqual({ failedLoginCount: 0, lockedUntil: new Date('2026-03-02T09:15:00Z') });
  });

  it('is locked until the end, not after', () => {
    const state = { failedLoginCount: 0, lockedUntil: new Date('2026-03-02T09:15:00Z') };
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
