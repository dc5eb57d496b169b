import { describe, expect, it } from "vitest";
import { charGrams, featuresOf, NEGATION_PREFIX, stem } from "./features";

describe("stem (Snowball Indonesian)", () => {
  it.each([
    ["pelayanan", "layan"],
    ["dilayani", "layan"],
    ["persyaratan", "syarat"],
    ["pembayaran", "bayar"],
    ["petugasnya", "tugas"],
    ["dipanggil", "panggil"],
  ])("%s → %s", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe("charGrams", () => {
  it("takes 3- to 5-letter pieces with the word's boundaries marked", () => {
    expect(charGrams("lama")).toEqual(["<la", "lam", "ama", "ma>", "<lam", "lama", "ama>", "<lama", "lama>"]);
  });

  it("lets spelling variants share most of their pieces", () => {
    const shared = (a: string, b: string) => {
      const first = new Set(charGrams(a));
      return charGrams(b).filter((gram) => first.has(gram)).length;
    };
    expect(shared("antrian", "antrean")).toBeGreaterThanOrEqual(4);
    expect(shared("lamo", "lama")).toBeGreaterThanOrEqual(2);
    expect(shared("antrian", "parkir")).toBe(0);
  });
});

describe("featuresOf", () => {
  it("gives stems, a negated stem for a negated word, and the words' character n-grams", () => {
    const features = featuresOf("petugas tdk ramah");
    expect(features.stems).toEqual(["tugas", "ramah", `${NEGATION_PREFIX}ramah`]);
    expect(features.grams).toContain("<ram");
    expect(features.grams).toContain("ugas>");
  });

  it("has nothing to say about an empty or punctuation-only input", () => {
    expect(featuresOf("")).toEqual({ stems: [], grams: [] });
    expect(featuresOf("!!! ...")).toEqual({ stems: [], grams: [] });
  });
});
