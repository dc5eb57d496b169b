import { describe, expect, it } from "vitest";
import { AFTER_SUCCESS, afterFailedAttempt, isLocked, LOCK_MINUTES } from "./sign-in-lockout";

const now = new Date("2026-11-23T08:00:00Z");

describe("sign-in lockout", () => {
  it("locks the account on the fifth wrong password, for fifteen minutes", () => {
    let state = AFTER_SUCCESS;
    for (let attempt = 1; attempt <= 4; attempt++) {
      state = afterFailedAttempt(state, now);
      expect(isLocked(state, now)).toBe(false);
    }
    state = afterFailedAttempt(state, now);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + (LOCK_MINUTES * 60 - 1) * 1000))).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + LOCK_MINUTES * 60 * 1000))).toBe(false);
  });

  it("does not extend a lock when more wrong passwords arrive during it", () => {
    const locked = { failedAttempts: 0, lockedUntil: new Date(now.getTime() + 60_000) };
    expect(afterFailedAttempt(locked, now)).toEqual(locked);
  });
});
