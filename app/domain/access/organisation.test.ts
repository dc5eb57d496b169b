import { describe, expect, it } from "vitest";
import type { RoleGrant } from "./grants";
import { mayAdministerInAgency } from "./organisation";

// Agency 1's top unit is /1/, with /1/7/ below; agency 2's top unit is /2/.
const adminOf1: RoleGrant = { role: "admin", unitId: 1, unitPath: "/1/" };
const adminOf2: RoleGrant = { role: "admin", unitId: 2, unitPath: "/2/" };
const supervisorOf1: RoleGrant = { role: "supervisor", unitId: 1, unitPath: "/1/" };

describe("who changes an agency's organisation", () => {
  it.each([
    ["the agency's administrator, on a unit of the agency", [adminOf1], "/1/", "/1/7/", true],
    ["the agency's administrator, on the top unit itself", [adminOf1], "/1/", "/1/", true],
    ["an administrator of another agency", [adminOf2], "/1/", "/1/7/", false],
    ["a supervisor of the whole agency", [supervisorOf1], "/1/", "/1/7/", false],
    ["an administrator of both agencies, on agency 2's unit from agency 1's pages", [adminOf1, adminOf2], "/1/", "/2/9/", false],
    ["a path that only starts with the same digits (/11/ is not under /1/)", [adminOf1], "/1/", "/11/3/", false],
    ["nobody without grants", [], "/1/", "/1/7/", false],
  ] as const)("%s", (_who, grants, agencyPath, subjectPath, expected) => {
    expect(mayAdministerInAgency(grants, agencyPath, subjectPath)).toBe(expected);
  });
});
