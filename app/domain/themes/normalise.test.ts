import { describe, expect, it } from "vitest";
import { contentWords, INFORMAL_SPELLINGS, normaliseClauses } from "./normalise";

describe("normaliseClauses", () => {
  it.each([
    ["SMS shorthand", "sy blm dpt nomor krn udh habis", [["saya", "belum", "dpt", "nomor", "karena", "sudah", "habis"]]],
    ["Minang", "ambo indak dapek nomor", [["saya", "tidak", "dapek", "nomor"]]],
    ["Javanese", "mboten wonten, sampun kesuwen", [["tidak", "wonten"], ["sudah", "kesuwen"]]],
    ["Papuan Malay", "sa su antri tra dipanggil", [["saya", "sudah", "antre", "tidak", "dipanggil"]]],
    ["Medan", "awak tak tau kek mana", [["saya", "tidak", "tau", "seperti", "mana"]]],
  ])("folds %s spellings of everyday words", (_, text, expected) => {
    expect(normaliseClauses(text)).toEqual(expected);
  });

  it("folds digits, keeps the money signal and written reduplication as one word", () => {
    expect(normaliseClauses("bayar 50rb utk syarat2 nya")).toEqual([["bayar", "ribu", "untuk", "syarat", "nya"]]);
  });

  it("keeps clauses apart at punctuation", () => {
    expect(normaliseClauses("antre lama. petugas ramah!")).toEqual([["antre", "lama"], ["petugas", "ramah"]]);
  });

  it("holds no word of a service topic, only spellings of everyday words", () => {
    // Topic words are left to the character n-grams; the table must stay general (see the header).
    for (const topic of ["loket", "ktp", "calo", "pungli", "toilet", "parkir", "blanko", "obat", "jutek"]) {
      expect(INFORMAL_SPELLINGS.has(topic)).toBe(false);
    }
  });
});

describe("contentWords", () => {
  it("drops stop words and negators, marking the word a negator stands before", () => {
    expect(contentWords("Petugasnya gk ramah dan kurang sopan")).toEqual([
      { word: "petugasnya", negated: false, clause: 0 },
      { word: "ramah", negated: true, clause: 0 },
      { word: "sopan", negated: true, clause: 0 },
    ]);
  });

  it("does not carry a negation into the next clause", () => {
    expect(contentWords("tidak, ramah").map((word) => word.negated)).toEqual([false]);
  });

  it("counts reduplication once and splits other hyphenated words", () => {
    expect(contentWords("marah-marah, bolak-balik").map((word) => word.word)).toEqual(["marah", "bolak", "balik"]);
  });
});
