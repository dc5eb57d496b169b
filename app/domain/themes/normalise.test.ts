import { describe, expect, it } from "vitest";
import { contentWords, INFORMAL_SPELLINGS, normaliseClauses, REGIONAL_WORDS, standardSpelling } from "./normalise";

describe("normaliseClauses", () => {
  it.each([
    ["SMS shorthand", "sy blm dpt nomor krn udh habis", [["saya", "belum", "dapat", "nomor", "karena", "sudah", "habis"]]],
    ["Minang", "ambo indak dapek nomor", [["saya", "tidak", "dapat", "nomor"]]],
    ["Javanese", "mboten wonten, sampun kesuwen", [["tidak", "ada"], ["sudah", "terlalu", "lama"]]],
    ["Papuan Malay", "sa su antri tra dipanggil", [["saya", "sudah", "antre", "tidak", "dipanggil"]]],
    ["Medan", "awak tak tau kek mana", [["saya", "tidak", "tahu", "seperti", "mana"]]],
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

describe("regional words and sound changes", () => {
  it.each([
    ["Javanese water, road and rain", "banyu mati, dalan rusak pas udan", [["air", "mati"], ["jalan", "rusak", "pas", "hujan"]]],
    ["Javanese krama", "nyuwun griya kulo tebih", [["mohon", "rumah", "saya", "jauh"]]],
    ["Minang money and time", "pitih 30 ribu, lamo bana alun salasai", [["uang", "ribu"], ["lama", "sekali", "belum", "selesai"]]],
    ["Sundanese", "cai teu aya", [["air", "tidak", "aya"]]],
    ["Jakarta", "duit abis, kelar ntar", [["uang", "habis"], ["selesai", "nanti"]]],
    ["SMS", "jln ke kntr lmbt", [["jalan", "ke", "kantor", "lambat"]]],
  ])("brings %s to standard Indonesian", (_, text, expected) => {
    expect(normaliseClauses(text)).toEqual(expected);
  });

  it.each([
    ["masuak", "masuk"],
    ["disuruah", "disuruh"],
    ["baliak", "balik"],
    ["putiah", "putih"],
    ["cairnyo", "cairnya"],
    ["dicuekin", "dicuek"],
    ["dibeliin", "dibeli"],
    ["ngerjain", "ngerja"],
  ])("reads the regular sound change in %s as %s", (word, expected) => {
    expect(standardSpelling(word)).toBe(expected);
  });

  it.each(["buah", "kuliah", "ilmiah", "hadiah", "dingin", "miskin", "mesin", "uang", "ruang", "izin", "lama", "rumah"])(
    "leaves the standard word %s as it is",
    (word) => expect(standardSpelling(word)).toBe(word),
  );

  it("never turns a standard Indonesian word into another word", () => {
    // Each of these is a different word in standard Indonesian than in the variety it is regional in.
    for (const word of ["gerah", "tekan", "seng", "tong", "baku", "cakap", "abdi", "kereta", "pajak", "kali", "lemah", "larang"]) {
      expect(REGIONAL_WORDS.has(word)).toBe(false);
      expect(standardSpelling(word)).toBe(INFORMAL_SPELLINGS.get(word) ?? word);
    }
  });

  it("holds no word of a service topic", () => {
    for (const topic of ["loket", "ktp", "calo", "pungli", "toilet", "parkir", "blanko", "obat", "jutek", "antrean"]) {
      expect(REGIONAL_WORDS.has(topic)).toBe(false);
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
