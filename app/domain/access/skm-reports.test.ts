import { describe, expect, it } from "vitest";
import { mayKeepSkmReport } from "./skm-reports";

describe("who keeps a unit's SKM report and its recommendations", () => {
  it.each([
    ["a supervisor of the unit", [{ role: "supervisor", unitId: 4, unitPath: "/1/4/" }], "/1/4/", true],
    ["a supervisor above the unit", [{ role: "supervisor", unitId: 1, unitPath: "/1/" }], "/1/4/", true],
    ["an administrator of the government", [{ role: "admin", unitId: 1, unitPath: "/1/" }], "/1/4/", true],
    ["a supervisor of another unit", [{ role: "supervisor", unitId: 5, unitPath: "/1/5/" }], "/1/4/", false],
    ["a supervisor of a sibling whose path shares a prefix", [{ role: "supervisor", unitId: 4, unitPath: "/1/4/" }], "/1/45/", false],
    ["an officer of the unit", [{ role: "officer", unitId: 4, unitPath: "/1/4/" }], "/1/4/", false],
    ["the forum moderator", [{ role: "moderator", unitId: 1, unitPath: "/1/" }], "/1/4/", false],
    ["the complaint handler", [{ role: "complaint_handler", unitId: 1, unitPath: "/1/" }], "/1/4/", false],
    ["nobody", [], "/1/4/", false],
  ] as const)("%s: %s", (_label, grants, path, allowed) => expect(mayKeepSkmReport(grants, path)).toBe(allowed));
});
