import { describe, expect, it } from "vitest";
import { hasRoleFor, type RoleGrant } from "./grants";

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
