import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { probabilityAgreement, proposeThemes, type ForumItem } from "./cluster";

// Inputs as a moderator would note them at a forum of a Disdukcapil office (written for this test).
const forumNotes: ForumItem[] = [
  { id: "q1", text: "Antrean di loket KTP panjang sekali, nunggu sampai 3 jam" },
  { id: "r1", text: "Petugas loket jutek dan tidak ramah" },
  { id: "p1", text: "Parkir motor sempit, sampai ke bahu jalan" },
  { id: "q2", text: "Antri dari subuh, nomor antrean sudah habis jam 8" },
  { id: "r2", text: "Petugasnya kasar, tidak ada senyum sama sekali" },
  { id: "p2", text: "Tempat parkir penuh, kursi tunggu juga kurang" },
  { id: "q3", text: "Antriannya lama, loket yang buka cuma satu" },
  { id: "r3", text: "Pegawai kurang sopan, suka membentak warga" },
  { id: "p3", text: "Lahan parkir becek dan toilet kotor" },
];

const themeOf = (proposal: ReturnType<typeof proposeThemes>, id: string) => proposal.themes.find((theme) => theme.itemIds.includes(id));

describe("proposeThemes", () => {
  const proposal = proposeThemes(forumNotes);

  it("groups queue, staff manner and facility remarks apart", () => {
    expect(themeOf(proposal, "q1")?.itemIds).toEqual(["q1", "q2", "q3"]);
    expect(themeOf(proposal, "r1")?.itemIds).toEqual(["r1", "r2", "r3"]);
    expect(themeOf(proposal, "p1")?.itemIds).toEqual(["p1", "p2", "p3"]);
  });

  it("suggests each theme's element from its inputs", () => {
    expect(themeOf(proposal, "q1")?.suggestedElement.element).toBe("U3");
    expect(themeOf(proposal, "r1")?.suggestedElement.element).toBe("U7");
    expect(themeOf(proposal, "p1")?.suggestedElement.element).toBe("U9");
  });

  it("titles a theme with a clause one of its inputs said, not a list of words, and never twice", () => {
    const titles = proposal.themes.map((theme) => theme.label);
    expect(new Set(titles).size).toBe(titles.length);
    for (const theme of proposal.themes) {
      const said = theme.itemIds.map((id) => forumNotes.find((item) => item.id === id)?.text.toLowerCase() ?? "");
      expect(said.some((text) => text.includes(theme.label.replace("…", "").toLowerCase()))).toBe(true);
    }
  });

  it("gives every theme a distinct key", () => {
    const keys = proposal.themes.map((theme) => theme.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("leaves an input unlike any other unthemed when lone inputs are not attached", () => {
    const withOneOff = [...forumNotes, { id: "x1", text: "Semoga forum ini rutin diadakan tiap tahun" }];
    expect(proposeThemes(withOneOff, { attachFloor: 1 }).unthemed).toEqual(["x1"]);
  });

  it("returns nothing for no input, and one unthemed item for one input", () => {
    expect(proposeThemes([])).toMatchObject({ themes: [], unthemed: [] });
    expect(proposeThemes([{ id: "a", text: "Antrean panjang" }])).toMatchObject({ themes: [], unthemed: ["a"] });
  });

  it("refuses two items with the same id, and options out of range", () => {
    expect(() => proposeThemes([{ id: "a", text: "x" }, { id: "a", text: "y" }])).toThrow(/more than once/);
    expect(() => proposeThemes(forumNotes, { elementWeight: 2 })).toThrow(RangeError);
  });

  it("gives the same answer for the same input", () => {
    expect(proposeThemes(forumNotes)).toEqual(proposal);
  });

  it("puts every input in exactly one theme or in unthemed, for any input and options", () => {
    const phrases = [
      "antrean panjang", "petugas jutek", "parkir sempit", "biaya mahal", "pungli", "toilet kotor", "tidak ramah",
      "nunggu lama", "aplikasi error", "syarat ribet", "kursi kurang", "", "!!!", "123", "gak ada yg peduli",
    ];
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.array(fc.constantFrom(...phrases), { maxLength: 4 }).map((parts) => parts.join(", ")));
    const items = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), text }), { selector: (item) => item.id, maxLength: 30 });
    const options = fc.record(
      {
        threshold: fc.double({ min: 0, max: 1, noNaN: true }),
        minThemeSize: fc.integer({ min: 1, max: 5 }),
        elementWeight: fc.double({ min: 0, max: 1, noNaN: true }),
        attachFloor: fc.double({ min: 0, max: 1, noNaN: true }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(items, options, (generated, chosen) => {
        const result = proposeThemes(generated, chosen);
        const placed = [...result.themes.flatMap((theme) => theme.itemIds), ...result.unthemed];
        expect(placed.sort()).toEqual(generated.map((item) => item.id).sort());
        for (const theme of result.themes) expect(theme.itemIds.length).toBeGreaterThanOrEqual(chosen.minThemeSize ?? 2);
        expect(new Set(result.themes.map((theme) => theme.label)).size).toBe(result.themes.length);
      }),
      { numRuns: 100 },
    );
  });
});

describe("probabilityAgreement", () => {
  it("makes two confident inputs of one class alike and two unsure inputs unlike, however alike their spread", () => {
    const confidentA = [0.9, 0.05, 0.05];
    const confidentB = [0.85, 0.1, 0.05];
    const unsureA = [0.34, 0.33, 0.33];
    const unsureB = [0.33, 0.34, 0.33];
    const matrix = probabilityAgreement([confidentA, confidentB, unsureA, unsureB]);
    const at = (a: number, b: number) => matrix[a * 4 + b] ?? NaN;
    expect(at(0, 1)).toBeCloseTo(0.9 * 0.85 + 0.05 * 0.1 + 0.05 * 0.05, 6);
    expect(at(0, 1)).toBeGreaterThan(0.75);
    // Their cosine is almost 1; the chance they share a class is a third.
    expect(at(2, 3)).toBeCloseTo(1 / 3, 2);
    expect(at(1, 0)).toBe(at(0, 1));
    expect(at(0, 0)).toBe(0);
  });

  it("counts agreeing on the classes from skipFrom on (\"other\") for nothing", () => {
    const matrix = probabilityAgreement([[0.05, 0.95], [0.1, 0.9]], 1);
    expect(matrix[1]).toBeCloseTo(0.005, 6);
  });
});
