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
 * The state after one more failed attempt (password or second factor): the maxFailures-th failure
 * locks the account for lockMinutes and starts a new count for after the lock.
 */
export function afterFailure(state: LockState, now: Date, lockout: AppConfig['lockout']): LockState {
  const failures = state.failedLoginCount + 1;
  if (failures >= lockout.maxFailures) {
    return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + lockout.lockMinutes * 60_000) };
  }
  return { failedLoginCount: failures, lockedUntil: state.lockedUntil };
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
