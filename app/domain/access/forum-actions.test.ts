import { describe, expect, it } from "vitest";
import { mayReportOnAction } from "./forum-actions";

describe("who reports progress on a forum action", () => {
  it.each([
    ["the head of the responsible unit", [{ role: "supervisor", unitPath: "/1/4/" }], "/1/4/", true],
    ["a head above the responsible unit", [{ role: "supervisor", unitPath: "/1/" }], "/1/4/", true],
    ["the head of another unit", [{ role: "supervisor", unitPath: "/1/5/" }], "/1/4/", false],
    ["the forum's moderator for the whole government", [{ role: "moderator", unitPath: "/1/" }], "/1/4/", false],
    ["an administrator of the government", [{ role: "admin", unitPath: "/1/" }], "/1/4/", false],
    ["an officer at the unit's counter", [{ role: "officer", unitPath: "/1/4/" }], "/1/4/", false],
    ["a head of a sibling whose path shares a prefix", [{ role: "supervisor", unitPath: "/1/4/" }], "/1/45/", false],
  ] as const)("%s: %s", (_label, grants, path, allowed) => expect(mayReportOnAction(grants, path)).toBe(allowed));
});
