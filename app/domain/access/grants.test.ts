import { describe, expect, it } from "vitest";
import { hasRoleFor, revocationRefusal, type RoleGrant } from "./grants";

const supervisorOfDukcapil: RoleGrant = { role: "supervisor", unitId: 17, unitPath: "/3/17/" };

describe("unit scope", () => {
  it("covers the unit itself and the units below it", () => {
    expect(hasRoleFor([supervisorOfDukcapil], ["supervisor"], "/3/17/")).toBe(true);
    expect(hasRoleFor([supervisorOfDukcapil], ["supervisor"], "/3/17/42/")).toBe(true);
  });
  it("does not cover the parent, a sibling, or a unit whose id merely starts the same", () => {
    expect(hasRoleFor([supervisorOfDukcapil], ["supervisor"], "/3/")).toBe(false);
    expect(hasRoleFor([supervisorOfDukcapil], ["supervisor"], "/3/18/")).toBe(false);
    expect(hasRoleFor([supervisorOfDukcapil], ["supervisor"], "/3/170/")).toBe(false);
  });
  it("requires the role as well as the scope", () => {
    expect(hasRoleFor([supervisorOfDukcapil], ["moderator"], "/3/17/")).toBe(false);
  });
});

describe("revoking a grant", () => {
  const admin = (unitId: number): RoleGrant => ({ role: "admin", unitId, unitPath: `/${unitId}/` });
  it.each([
    { name: "one's own last admin grant is refused", actor: [admin(1)], target: { userId: 7, role: "admin" as const, unitId: 1 }, refusal: "ownLastAdmin" },
    { name: "one's own admin grant when another remains is allowed", actor: [admin(1), admin(2)], target: { userId: 7, role: "admin" as const, unitId: 1 }, refusal: null },
    { name: "one's own non-admin grant is allowed", actor: [admin(1)], target: { userId: 7, role: "supervisor" as const, unitId: 1 }, refusal: null },
    { name: "another user's last admin grant is allowed", actor: [admin(1)], target: { userId: 8, role: "admin" as const, unitId: 1 }, refusal: null },
  ])("$name", ({ actor, target, refusal }) => {
    expect(revocationRefusal({ userId: 7, grants: actor }, target)).toBe(refusal);
  });
});
