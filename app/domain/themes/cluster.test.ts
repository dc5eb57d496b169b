import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageLinkageGroups, proposeThemes, type ForumItem } from "./cluster";

// Inputs as a moderator would note them at a Forum Konsultasi Publik of a Disdukcapil office.
const forumNotes: ForumItem[] = [
  { id: "q1", text: "Antrean di loket KTP panjang sekali, nunggu sampai 3 jam" },
  { id: "r1", text: "Petugas loket jutek dan tidak ramah" },
  { id: "p1", text: "Parkir motor sempit, sampai ke bahu jalan" },
  { id: "q2", text: "Antri dari subuh, nomor antrean sudah habis jam 8" },
  { id: "r2", text: "Petugasnya kasar, tidak ada senyum sama sekali" },
  { id: "x1", text: "Terima kasih, forum seperti ini bagus" },
  { id: "p2", text: "Tempat parkir penuh dipakai pegawai" },
  { id: "q3", text: "Antriannya lama, loket yang buka cuma satu" },
  { id: "r3", text: "Pegawai kurang sopan, suka membentak warga" },
  { id: "p3", text: "Lahan parkir becek dan tidak ada juru parkir" },
];

const themeOf = (proposal: ReturnType<typeof proposeThemes>, id: string) =>
  proposal.themes.find((theme) => theme.itemIds.includes(id));

describe("proposeThemes", () => {
  const proposal = proposeThemes(forumNotes);

  it("groups queue, staff manner and parking remarks apart", () => {
    const queue = themeOf(proposal, "q1");
    const manner = themeOf(proposal, "r1");
    const parking = themeOf(proposal, "p1");
    expect(queue?.itemIds).toEqual(["q1", "q2", "q3"]);
    expect(manner?.itemIds).toEqual(["r1", "r2", "r3"]);
    expect(parking?.itemIds).toEqual(["p1", "p2", "p3"]);
  });

  it("leaves a remark unlike any other unthemed", () => {
    expect(proposal.unthemed).toEqual(["x1"]);
  });

  it("labels a theme with its characteristic words, as written, and suggests its element", () => {
    const queue = themeOf(proposal, "q1");
    expect(queue?.label.split(", ")).toContain("antrean");
    expect(queue?.topTerms.length).toBeGreaterThanOrEqual(3);
    expect(queue?.suggestedElement.element).toBe("U3");
    expect(themeOf(proposal, "r1")?.suggestedElement.element).toBe("U7");
    expect(themeOf(proposal, "p1")?.suggestedElement.element).toBe("U9");
  });

  it("gives every theme a distinct key", () => {
    const keys = proposal.themes.map((theme) => theme.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("returns nothing for no input, and one unthemed item for one input", () => {
    expect(proposeThemes([])).toEqual({ themes: [], unthemed: [] });
    expect(proposeThemes([{ id: "a", text: "Antrean panjang" }])).toEqual({ themes: [], unthemed: ["a"] });
  });

  it("refuses two items with the same id", () => {
    expect(() => proposeThemes([{ id: "a", text: "x" }, { id: "a", text: "y" }])).toThrow(/more than once/);
  });

  it("gives the same answer for the same input", () => {
    expect(proposeThemes(forumNotes)).toEqual(proposal);
  });

  it("puts every input in exactly one theme or in unthemed, for any input and options", () => {
    const phrases = [
      "antrean panjang", "petugas jutek", "parkir sempit", "biaya mahal", "pungli", "toilet kotor", "tidak ramah",
      "nunggu lama", "aplikasi error", "syarat ribet", "kursi kurang", "", "!!!", "123", "gak ada yg peduli",
    ];
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(fc.constantFrom(...phrases), { maxLength: 4 }).map((parts) => parts.join(", ")),
    );
    const items = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), text }), {
      selector: (item) => item.id,
      maxLength: 40,
    });
    const options = fc.record(
      {
        mergeThreshold: fc.double({ min: 0, max: 1, noNaN: true }),
        minThemeSize: fc.integer({ min: 1, max: 5 }),
        topicWeight: fc.double({ min: 0, max: 4, noNaN: true }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(items, options, (generated, chosen) => {
        const result = proposeThemes(generated, chosen);
        const placed = [...result.themes.flatMap((theme) => theme.itemIds), ...result.unthemed];
        expect(placed.sort()).toEqual(generated.map((item) => item.id).sort());
        const minimum = chosen.minThemeSize ?? 2;
        for (const theme of result.themes) expect(theme.itemIds.length).toBeGreaterThanOrEqual(minimum);
      }),
      { numRuns: 200 },
    );
  });
});

describe("averageLinkageGroups", () => {
  // Row-major similarity matrix from the upper triangle.
  function matrix(count: number, pairs: Record<string, number>): Float32Array {
    const similarity = new Float32Array(count * count);
    for (const [pair, value] of Object.entries(pairs)) {
      const [a, b] = pair.split("-").map(Number) as [number, number];
      similarity[a * count + b] = value;
      similarity[b * count + a] = value;
    }
    return similarity;
  }

  it("merges pairs above the threshold and keeps apart groups whose average is below it", () => {
    const similarity = () => matrix(4, { "0-1": 0.9, "2-3": 0.8, "0-2": 0.1, "0-3": 0.1, "1-2": 0.1, "1-3": 0.1 });
    expect(averageLinkageGroups(similarity(), 4, 0.5)).toEqual([[0, 1], [2, 3]]);
    expect(averageLinkageGroups(similarity(), 4, 0.05)).toEqual([[0, 1, 2, 3]]);
  });

  it("uses the average, not the nearest member: close to one of a pair is not close to the pair", () => {
    // Item 2 is like item 0 (0.6) but unlike item 1 (0): its average to {0, 1} is 0.3.
    const similarity = matrix(3, { "0-1": 0.9, "0-2": 0.6, "1-2": 0 });
    expect(averageLinkageGroups(similarity, 3, 0.5)).toEqual([[0, 1], [2]]);
    expect(averageLinkageGroups(matrix(3, { "0-1": 0.9, "0-2": 0.6, "1-2": 0 }), 3, 0.3)).toEqual([[0, 1, 2]]);
  });
});
