import { describe, expect, it } from "vitest";
import { reviewTransition } from "./review";

describe("reviewing a rating", () => {
  it.each([
    ["flagged", "keep", { ok: true, status: "valid" }],
    ["flagged", "exclude", { ok: true, status: "excluded" }],
    ["excluded", "keep", { ok: true, status: "valid" }],
    ["valid", "exclude", { ok: false, reason: "not_flagged" }],
    ["valid", "keep", { ok: false, reason: "not_flagged" }],
    ["excluded", "exclude", { ok: false, reason: "not_flagged" }],
  ] as const)("%s, decided %s, gives %j", (current, decision, outcome) => {
    expect(reviewTransition(current, decision)).toEqual(outcome);
  });
});
