import { describe, expect, it } from "vitest";
import { EQUAL_WEIGHTS, computeIkm, rational } from "./indicators/ikm";
import { mapElements } from "./indicators/elements";
import { formatOfficerName, nameWords, parseWeightText, unitSettingsSchema, weightsFromStored, type OfficerNameDisplay } from "./unit-settings";

describe("officer names on the public counter page", () => {
  it.each<[string, OfficerNameDisplay, string]>([
    ["Agus Setiawan", "full", "Agus Setiawan"],
    ["Agus Setiawan", "first_initial", "Agus S."],
    ["Agus Setiawan", "initials", "A. S."],
    ["Rina Marlina Putri", "first_initial", "Rina M. P."],
    ["Sukarno", "first_initial", "Sukarno"],
    ["Sukarno", "initials", "S."],
    ["dr. Hj. Siti Aminah, Sp.A.", "first_initial", "Siti A."],
    ["dr. Hj. Siti Aminah, Sp.A.", "initials", "S. A."],
    ["dr. Hj. Siti Aminah, Sp.A.", "full", "dr. Hj. Siti Aminah, Sp.A."],
    ["Ir. H. Budi Santoso, M.Si.", "first_initial", "Budi S."],
    ["  Dewi   Lestari ", "first_initial", "Dewi L."],
    ["ni made ayu", "initials", "N. M. A."],
    ["Öztürk Ölmez", "initials", "Ö. Ö."],
  ])("%s as %s is %s", (name, display, shown) => {
    expect(formatOfficerName(name, display)).toBe(shown);
  });

  it("keeps a name made only of titles rather than showing nothing", () => {
    expect(nameWords("H.")).toEqual(["H."]);
    expect(formatOfficerName("", "initials")).toBe("");
  });
});

describe("weights as an administrator types them", () => {
  it.each<[string, [number, number] | null]>([
    ["1/9", [1, 9]],
    ["0,15", [3, 20]],
    ["0.15", [3, 20]],
    [" 0,1 ", [1, 10]],
    ["0", [0, 1]],
    ["1", [1, 1]],
    ["2/18", [1, 9]],
    ["1/0", null],
    ["-0,1", null],
    ["abc", null],
    ["0,1,2", null],
    ["", null],
    ["1e-2", null],
  ])("%j reads as %j", (text, expected) => {
    const value = parseWeightText(text);
    expect(value === null ? null : [Number(value.num), Number(value.den)]).toEqual(expected);
  });
});

const nine = (value: string) => Object.fromEntries(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"].map((code) => [`w${code}`, value]));
const base = { pattern: "baik", nameDisplay: "full" };

describe("the unit settings form", () => {
  it("stores nothing for equal weights, so the unit follows 1/9 each", () => {
    expect(unitSettingsSchema.parse({ ...base, weights: "equal", ...nine("abc") })).toEqual({ ikmWeights: null, pattern: "baik", nameDisplay: "full" });
  });

  it("stores custom weights as exact fractions when they sum to exactly 1", () => {
    const input = { ...base, weights: "custom", ...nine("0,1"), wU6: "0,15", wU7: "0,15" };
    expect(unitSettingsSchema.parse(input).ikmWeights).toEqual({ U1: "1/10", U2: "1/10", U3: "1/10", U4: "1/10", U5: "1/10", U6: "3/20", U7: "3/20", U8: "1/10", U9: "1/10" });
  });

  it.each<[string, Record<string, string>, Record<string, string>]>([
    ["0,111 nine times is 0,999", nine("0,111"), { weightsSum: "unitSettings.errors.sumNotOne" }],
    ["a weight that is no number", { ...nine("1/9"), wU3: "sepertiga" }, { wU3: "unitSettings.errors.weight" }],
    ["an empty weight", { ...nine("1/9"), wU9: "" }, { wU9: "form.required" }],
    ["a negative weight", { ...nine("1/9"), wU1: "-1/9" }, { wU1: "unitSettings.errors.weight" }],
  ])("refuses %s next to its field", (_name, weights, errors) => {
    const result = unitSettingsSchema.safeParse({ ...base, weights: "custom", ...weights });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]))).toEqual(errors);
  });

  it("refuses a pattern or a name display that is not in the list", () => {
    expect(unitSettingsSchema.safeParse({ weights: "equal", pattern: "hebat", nameDisplay: "full" }).success).toBe(false);
    expect(unitSettingsSchema.safeParse({ weights: "equal", pattern: "baik", nameDisplay: "nickname" }).success).toBe(false);
  });
});

describe("the weights a unit's IKM uses", () => {
  it("are 1/9 each without stored weights or with broken ones", () => {
    expect(weightsFromStored(null)).toBe(EQUAL_WEIGHTS);
    expect(weightsFromStored({ U1: "1/2" })).toBe(EQUAL_WEIGHTS);
    expect(weightsFromStored(mapElements(() => "1/10"))).toBe(EQUAL_WEIGHTS);
  });

  it("move the IKM as the stored weights say", () => {
    // Every element 3 except U6 and U7 at 4: giving the officer elements more weight raises the IKM.
    const tallies = mapElements((code) => (code === "U6" || code === "U7" ? { sum: 40, count: 10 } : { sum: 30, count: 10 }));
    const stored = { ...mapElements(() => "1/10"), U6: "3/20", U7: "3/20" };
    const equal = computeIkm(tallies);
    const custom = computeIkm(tallies, weightsFromStored(stored));
    if (equal.kind !== "computed" || custom.kind !== "computed") throw new Error("computed expected");
    expect(equal.ikmUnitRounded).toBe(80.56); // (7 × 3 + 2 × 4) / 9 × 25
    expect(custom.ikmUnitRounded).toBe(82.5); // (0,7 × 3 + 0,3 × 4) × 25
    expect(custom.ikmExact).toEqual(rational(33, 10));
  });
});
