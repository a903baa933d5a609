import type { AppConfig } from '../../config.ts';
import { AppError } from '../../kernel/errors.ts';

export interface LockState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

/** The end of the current lock, or null when the account is not locked at `now`. */
export const activeLockEnd = (state: LockState, now: Date): Date | null =>
  state.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;

/**
 * The state after one more failed attempt (password or second factor). From the maxFailures-th
 * failure on, each failure locks for a delay that doubles (firstLockMinutes, then twice that…) up to
 * maxLockMinutes; attempts during a lock are refused before any check and do not count. An
 * attacker can thus delay an account, never shut it: the count and the lock end at the next success
 * or with a password-reset link.
 */
export function afterFailure(state: LockState, now: Date, lockout: AppConfig['lockout']): LockState {
  const failures = state.failedLoginCount + 1;
  if (failures < lockout.maxFailures) return { failedLoginCount: failures, lockedUntil: state.lockedUntil };
  const minutes = Math.min(
    lockout.firstLockMinutes * 2 ** (failures - lockout.maxFailures),
    lockout.maxLockMinutes,
  );
  return { failedLoginCount: failures, lockedUntil: new Date(now.getTime() + minutes * 60_000) };
}

const parisTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
});

export const lockedError = (until: Date) =>
  new AppError(
    'LOCKED',
    `Trop de tentatives infructueuses : le compte est verrouillé jusqu’à ${parisTime.format(until)}. Réessayez ensuite, ou réinitialisez votre mot de passe.`,
  );
