import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { officerRetireRefusal, servicesOutsideUnit, supervisorRefusal, unitMoveRefusal, unitRetireRefusal, type OfficerNode, type UnitNode } from "./org-structure";

//        1 (top)
//      /   \
//     2     3
//    / \     \
//   4   5     6 (retired)
const units: UnitNode[] = [
  { id: 1, parentId: null, retired: false },
  { id: 2, parentId: 1, retired: false },
  { id: 3, parentId: 1, retired: false },
  { id: 4, parentId: 2, retired: false },
  { id: 5, parentId: 2, retired: false },
  { id: 6, parentId: 3, retired: true },
];

describe("moving a unit under another parent", () => {
  it.each([
    ["to a sibling's subtree", 5, 3, null],
    ["a leaf under its grandparent", 4, 1, null],
    ["under its current parent again", 4, 2, null],
    ["a subtree under another branch", 2, 3, null],
    ["under itself", 2, 2, "self"],
    ["under its own child", 2, 4, "cycle"],
    ["the top unit under one of its grandchildren", 1, 4, "topUnit"],
    ["the top unit anywhere", 1, 3, "topUnit"],
    ["under a retired unit", 4, 6, "retiredParent"],
    ["under a unit of another agency (not in the list)", 4, 99, "unknownParent"],
  ] as const)("%s", (_case, unitId, parentId, expected) => {
    expect(unitMoveRefusal(units, unitId, parentId)).toBe(expected);
  });

  it("refuses a move that would close a loop deeper down", () => {
    const deep: UnitNode[] = [{ id: 1, parentId: null, retired: false }, ...Array.from({ length: 20 }, (_, i) => ({ id: i + 2, parentId: i + 1, retired: false }))];
    expect(unitMoveRefusal(deep, 3, 21)).toBe("cycle");
    expect(unitMoveRefusal(deep, 21, 3)).toBeNull();
  });

  it("never lets an allowed move leave a unit without a path to the top", () => {
    // Random trees: every unit i > 1 hangs under a unit with a smaller id. After any allowed move the walk up ends at 1.
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 2, maxLength: 15 }), fc.nat(), fc.nat(), (parents, a, b) => {
        const tree: UnitNode[] = [{ id: 1, parentId: null, retired: false }, ...parents.map((p, i) => ({ id: i + 2, parentId: (p % (i + 1)) + 1, retired: false }))];
        const unitId = (a % tree.length) + 1;
        const parentId = (b % tree.length) + 1;
        if (unitMoveRefusal(tree, unitId, parentId) !== null) return;
        const moved = tree.map((unit) => (unit.id === unitId ? { ...unit, parentId } : unit));
        const byId = new Map(moved.map((unit) => [unit.id, unit]));
        for (const unit of moved) {
          let current: UnitNode | undefined = unit;
          let steps = 0;
          while (current && current.parentId !== null && steps++ <= moved.length) current = byId.get(current.parentId);
          expect(current?.id).toBe(1);
        }
      }),
    );
  });
});

describe("retiring a unit", () => {
  it.each([
    ["a leaf", 4, null],
    ["a unit whose only sub-unit retired already", 3, null],
    ["a unit with active sub-units", 2, "activeSubUnits"],
    ["the top unit", 1, "topUnit"],
    ["a retired unit again", 6, "alreadyRetired"],
  ] as const)("%s", (_case, unitId, expected) => {
    expect(unitRetireRefusal(units, unitId)).toBe(expected);
  });
});

// Agency 1: 10 heads the unit, 11 and 12 report to 10, 13 reports to 11; 14 retired. Agency 2: 20.
const officers: OfficerNode[] = [
  { id: 10, agencyId: 1, supervisorId: null, retired: false },
  { id: 11, agencyId: 1, supervisorId: 10, retired: false },
  { id: 12, agencyId: 1, supervisorId: 10, retired: false },
  { id: 13, agencyId: 1, supervisorId: 11, retired: false },
  { id: 14, agencyId: 1, supervisorId: null, retired: true },
  { id: 20, agencyId: 2, supervisorId: null, retired: false },
];

describe("setting an officer's direct supervisor", () => {
  it.each([
    ["a colleague as supervisor", 13, 12, null],
    ["no supervisor at all", 11, null, null],
    ["the head for a new officer", null, 10, null],
    ["the officer themself", 11, 11, "self"],
    ["their own subordinate", 10, 11, "cycle"],
    ["their subordinate's subordinate", 10, 13, "cycle"],
    ["an officer of another agency", 11, 20, "otherAgency"],
    ["a retired officer", 11, 14, "retiredSupervisor"],
    ["an officer who does not exist", 11, 999, "unknownSupervisor"],
  ] as const)("%s", (_case, officerId, supervisorId, expected) => {
    expect(supervisorRefusal(officers, officerId, 1, supervisorId)).toBe(expected);
  });
});

describe("services a counter may offer", () => {
  it.each([
    ["only its unit's services", [1, 2], [1, 2, 3], []],
    ["a service of another unit", [1, 9], [1, 2, 3], [9]],
    ["none", [], [1], []],
    ["a repeated foreign id counted once", [9, 9], [1], [9]],
  ] as const)("%s", (_case, chosen, own, expected) => {
    expect(servicesOutsideUnit(chosen, own)).toEqual(expected);
  });
});

describe("retiring an officer", () => {
  it.each([
    ["an officer nobody reports to", 12, null],
    ["an officer whose subordinate is active", 11, "hasSubordinates"],
    ["the head of several", 10, "hasSubordinates"],
    ["a retired officer again", 14, "alreadyRetired"],
    ["an unknown officer", 999, "alreadyRetired"],
  ] as const)("%s", (_case, officerId, expected) => {
    expect(officerRetireRefusal(officers, officerId)).toBe(expected);
  });

  it("lets the supervisor retire once the only subordinate retired", () => {
    const after = officers.map((officer) => (officer.id === 13 ? { ...officer, retired: true } : officer));
    expect(officerRetireRefusal(after, 11)).toBeNull();
  });
});
