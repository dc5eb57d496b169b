import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_MS, MAX_VISIT_AGE_MS, visitTimeOf } from "./visit-time";

const now = new Date("2026-10-31T05:00:00Z");
const before = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe("the visit time of a rating", () => {
  it.each([
    ["no stamp: the arrival", undefined, { kind: "ok", at: now }],
    ["empty stamp: the arrival", "", { kind: "ok", at: now }],
    ["an hour ago, queued offline", before(3_600_000), { kind: "ok", at: new Date(before(3_600_000)) }],
    ["exactly the oldest accepted", before(MAX_VISIT_AGE_MS), { kind: "ok", at: new Date(before(MAX_VISIT_AGE_MS)) }],
    ["a millisecond older", before(MAX_VISIT_AGE_MS + 1), { kind: "too_old" }],
    ["a phone clock a few minutes fast", before(-CLOCK_SKEW_MS), { kind: "ok", at: now }],
    ["far in the future", before(-CLOCK_SKEW_MS - 1), { kind: "invalid" }],
    ["with an offset", "2026-10-31T11:30:00+07:00", { kind: "ok", at: new Date("2026-10-31T04:30:00Z") }],
    ["not a time", "kemarin", { kind: "invalid" }],
    ["a date alone", "2026-10-31", { kind: "invalid" }],
  ])("%s", (_, claimed, expected) => {
    expect(visitTimeOf(claimed, now)).toEqual(expected);
  });
});
