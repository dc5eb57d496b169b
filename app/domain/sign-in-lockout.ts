// After MAX_FAILED_ATTEMPTS wrong passwords an account is locked for LOCK_MINUTES.
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export interface LockState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after a wrong password: the fifth failure locks the account and starts the count again. */
export function afterFailedAttempt(state: LockState, now: Date): LockState {
  if (isLocked(state, now)) return state;
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  }
  return { failedAttempts, lockedUntil: null };
}

export const AFTER_SUCCESS: LockState = { failedAttempts: 0, lockedUntil: null };
