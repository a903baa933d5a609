import { describe, expect, it } from 'vitest';
import { needsSecondFactor, secondFactorState } from './second-factor.ts';

describe('second factor', () => {
  it.each([
    { totpConfirmed: false, roles: ['funder_officer'], sessionDone: false, state: 'none' },
    { totpConfirmed: false, roles: ['caseworker'], sessionDone: false, state: 'enrolment_required' },
    { totpConfirmed: true, roles: ['funder_officer'], sessionDone: false, state: 'required' },
    { totpConfirmed: true, roles: ['caseworker'], sessionDone: false, state: 'required' },
    { totpConfirmed: true, roles: ['caseworker'], sessionDone: true, state: 'none' },
    {
      totpConfirmed: false,
      roles: ['funder_officer', 'auditor'],
      sessionDone: false,
      state: 'enrolment_required',
    },
    { totpConfirmed: false, roles: [], sessionDone: false, state: 'none' },
  ] as const)('$roles, totp $totpConfirmed, done $sessionDone → $state', ({ state, ...facts }) => {
    expect(secondFactorState(facts)).toBe(state);
  });

  it('is needed by anyone who enrolled, even in a role that does not require it', () => {
    expect(needsSecondFactor({ totpConfirmed: true, roles: ['funder_officer'] })).toBe(true);
    expect(needsSecondFactor({ totpConfirmed: false, roles: ['funder_officer'] })).toBe(false);
  });
});
