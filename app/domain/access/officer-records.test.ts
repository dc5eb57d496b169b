import { describe, expect, it } from "vitest";
import { officerRecordAccess, seesInTeamView } from "./officer-records";

// Officer 10 reports to 5, who reports to 1. Officer 11 is 10's colleague (also reporting to 5).
const chainOf10 = [5, 1];

describe("access to an officer's records", () => {
  it.each([
    ["the officer", 10, { self: true, assessor: false, inChain: false, canView: true }],
    ["the direct supervisor", 5, { self: false, assessor: true, inChain: true, canView: true }],
    ["a supervisor further up", 1, { self: false, assessor: false, inChain: true, canView: true }],
    ["a same-level colleague, whatever roles they hold", 11, { self: false, assessor: false, inChain: false, canView: false }],
    ["an account without an officer record (an administrator)", null, { self: false, assessor: false, inChain: false, canView: false }],
  ] as const)("%s", (_who, viewer, expected) => {
    expect(officerRecordAccess({ viewerOfficerId: viewer, officerId: 10, chain: chainOf10 })).toEqual(expected);
  });
});

describe("the team view and its live events", () => {
  it.each([
    ["the direct supervisor", 5, 5, true],
    ["a supervisor further up", 1, 5, false],
    ["a colleague", 11, 5, false],
    ["an account without an officer record", null, 5, false],
    ["anyone, for an officer without a supervisor", 5, null, false],
    ["an account without an officer record, for an officer without a supervisor", null, null, false],
  ] as const)("%s: %s", (_who, viewer, supervisor, expected) => {
    expect(seesInTeamView(viewer, supervisor)).toBe(expected);
  });
});
