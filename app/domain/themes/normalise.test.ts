import { describe, expect, it } from "vitest";
import { analyse, NEGATION_PREFIX, stem, tokens } from "./normalise";

describe("stem", () => {
  it.each([
    // confixes and prefixes
    ["pelayanan", "layan"],
    ["dilayani", "layan"],
    ["persyaratan", "syarat"],
    ["pendaftaran", "daftar"],
    ["pembayaran", "bayar"],
    ["kebersihan", "bersih"],
    ["kesulitan", "sulit"],
    ["ketersediaan", "sedia"],
    ["kecamatan", "camat"],
    ["dipersulit", "sulit"],
    ["mempersulit", "sulit"],
    ["menyelesaikan", "selesai"],
    ["bekerja", "kerja"],
    ["sebulan", "bulan"],
    ["terlambat", "lambat"],
    // particles and possessives
    ["petugasnya", "tugas"],
    ["antreannya", "antre"],
    // nasal recoding: meny→s, men→t, mem→p, meng→(k)
    ["menyapu", "sapu"],
    ["menunggu", "tunggu"],
    ["memakai", "pakai"],
    ["mengantre", "antre"],
    ["mengeluh", "keluh"],
    ["pengaduan", "adu"],
    ["pemeriksaan", "periksa"],
    // -an before -kan, and the reading a known root settles
    ["perbaikan", "baik"],
    ["berdesakan", "desak"],
    ["tanyakan", "tanya"],
    ["bertanya", "tanya"],
    // colloquial forms
    ["dicuekin", "cuek"],
    ["ngatur", "atur"],
    ["antriannya", "antre"],
  ])("%s → %s", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ["berkas", "ber + kas would leave a three-letter stem"],
    ["kursi", "-i is only a suffix inside a confix such as di-…-i"],
    ["masalah", "a root that merely ends in -lah"],
    ["nyaman", "a root that merely starts like meny-"],
    ["sempat", "se + mpat would leave a root no Indonesian word starts with"],
  ])("leaves %s whole (%s)", (word) => {
    expect(stem(word)).toBe(word);
  });
});

describe("tokens", () => {
  it.each([
    ["Antrinya lama bgt, gak ada yg ngatur", ["antre", "lama", "atur", "tidak_atur"]],
    ["Petugasnya kurang sopan dan jutek!!", ["tugas", "sopan", "tidak_sopan", "jutek"]],
    ["Saya datang jam 7 dan antre 3 jam", ["datang", "jam", "antre", "jam"]],
    ["dimintain duit 100rb", ["minta", "uang", "ribu"]],
    ["syarat2 nya ribet", ["syarat", "ribet"]],
    ["marah-marah terus, bolak-balik", ["marah", "bolak", "balik"]],
    ["E-KTP saya blm jadi", ["ktp", "jadi", "tidak_jadi"]],
    ["Yang, dan, di, ke, dari, untuk, dengan, ini, itu, ada", []],
  ])("%s → %j", (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it("keeps a negated word as its topic and adds the negated feature", () => {
    expect(tokens("petugas tidak ramah")).toEqual(["tugas", "ramah", `${NEGATION_PREFIX}ramah`]);
    expect(tokens("petugas ramah")).toEqual(["tugas", "ramah"]);
  });

  it("skips stop words between a negator and the word it negates", () => {
    expect(tokens("tidak ada kursi")).toEqual(["kursi", "tidak_kursi"]);
  });

  it("does not carry a negation across a comma", () => {
    expect(tokens("Loketnya tidak buka, petugas ramah")).toEqual(["loket", "buka", "tidak_buka", "tugas", "ramah"]);
  });

  it("reads the same text the same way whatever its case and spacing", () => {
    expect(tokens("  ANTREAN   Panjang\tSEKALI ")).toEqual(tokens("antrean panjang sekali"));
  });
});

describe("analyse", () => {
  it("keeps the word as written for labels, informal spelling fixed and possessive removed", () => {
    expect(analyse("antriannya panjang, petugasnya jutek")).toEqual([
      { term: "antre", surface: "antrian" },
      { term: "panjang", surface: "panjang" },
      { term: "tugas", surface: "petugas" },
      { term: "jutek", surface: "jutek" },
    ]);
  });

  it("shows a negated feature with its negator", () => {
    expect(analyse("kurang ramah")).toContainEqual({ term: "tidak_ramah", surface: "kurang ramah" });
  });
});
