import { describe, expect, it } from "vitest";

import { ELEMENT_CODES, elementOrder, isElementCode, mapElements, OFFICER_ELEMENT_CODES } from "./elements";

describe("SKM elements", () => {
  it("are the nine codes U1..U9 in order (PermenPANRB 14/2017)", () => {
    expect(ELEMENT_CODES).toEqual(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]);
    expect(ELEMENT_CODES.map(elementOrder)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("names U6 and U7 as the officer's elements", () => {
    expect(OFFICER_ELEMENT_CODES).toEqual(["U6", "U7"]);
  });

  it.each([
    ["U1", true],
    ["U9", true],
    ["u1", false],
    ["U10", false],
    ["U0", false],
    ["", false],
  ])("isElementCode(%j) is %s", (value, expected) => {
    expect(isElementCode(value)).toBe(expected);
  });

  it("mapElements builds one value per code", () => {
    expect(mapElements((code) => code.toLowerCase())).toEqual({
      U1: "u1",
      U2: "u2",
      U3: "u3",
      U4: "u4",
      U5: "u5",
      U6: "u6",
      U7: "u7",
      U8: "u8",
      U9: "u9",
    });
  });
});
