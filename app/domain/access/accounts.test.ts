import { describe, expect, it } from "vitest";
import { mayManageAccount } from "./accounts";
import type { RoleGrant } from "./grants";

const admin = (unitPath: string): RoleGrant => ({ role: "admin", unitId: Number(unitPath.split("/").at(-2)), unitPath });

describe("who may look after an account", () => {
  it.each([
    ["an administrator of the agency, for an officer of a unit inside", [admin("/1/")], ["/1/4/9/"], true],
    ["an administrator of a unit, for an account of a unit above", [admin("/1/4/")], ["/1/"], false],
    ["an administrator of one agency, for an account also in another", [admin("/1/")], ["/1/4/", "/2/7/"], false],
    ["an administrator of both agencies, for that account", [admin("/1/"), admin("/2/")], ["/1/4/", "/2/7/"], true],
    ["a supervisor of the agency", [{ role: "supervisor", unitId: 1, unitPath: "/1/" }], ["/1/4/"], false],
    ["anyone, for an account belonging nowhere", [admin("/1/")], [], false],
    ["an administrator of a sibling whose path shares a prefix", [admin("/1/")], ["/12/"], false],
  ] as const)("%s: %s", (_label, grants, paths, allowed) => expect(mayManageAccount(grants, paths)).toBe(allowed));
});
