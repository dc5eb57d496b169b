import { describe, expect, it } from "vitest";
import { afterFailedAttempt, MAX_ATTEMPTS } from "./mail-retry";

const at = new Date("2026-10-01T08:00:00Z");
const minutesLater = (decision: ReturnType<typeof afterFailedAttempt>) =>
  decision.kind === "retry" ? (decision.at.getTime() - at.getTime()) / 60_000 : null;

describe("afterFailedAttempt", () => {
  it.each([
    [1, 1],
    [2, 5],
    [3, 15],
    [4, 60],
    [5, 240],
    [6, 720],
  ])("after failed attempt %i the mail is tried again %i minutes later", (attempts, minutes) => {
    expect(minutesLater(afterFailedAttempt(attempts, at))).toBe(minutes);
  });

  it("gives up after the last attempt, about a day after the first", () => {
    expect(MAX_ATTEMPTS).toBe(7);
    expect(afterFailedAttempt(MAX_ATTEMPTS, at)).toEqual({ kind: "give_up" });
    expect(afterFailedAttempt(MAX_ATTEMPTS + 3, at)).toEqual({ kind: "give_up" });
  });
});
