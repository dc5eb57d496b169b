import { describe, expect, it } from "vitest";
import {
  combineElementSuggestions,
  suggestElement,
  suggestForTheme,
  type ElementSuggestion,
} from "./element-suggestion";

describe("suggestElement", () => {
  it.each([
    ["Antrean di loket lama sekali, nunggu sampai 3 jam", "U3"],
    ["Biaya pembuatan akta mahal, ada pungli 50rb", "U4"],
    ["Petugasnya jutek dan tidak ramah", "U7"],
    ["Syaratnya banyak, harus fotokopi KK dan legalisir", "U1"],
    ["Aplikasi pendaftaran online sering error", "U2"],
    ["KTP saya salah cetak nama", "U5"],
    ["Petugas tidak paham aturan, bingung sendiri", "U6"],
    ["Pengaduan lewat kotak saran tidak pernah ditanggapi", "U8"],
    ["Ruang tunggu panas, AC mati", "U9"],
    ["Terima kasih atas kerja kerasnya", "other"],
    ["", "other"],
  ])("%s → %s", (text, element) => {
    expect(suggestElement(text).element).toBe(element);
  });

  it("lists the input's own words that led to the suggestion", () => {
    expect(suggestElement("Antriannya lama bgt").matched).toEqual(["antrian", "lama"]);
    expect(suggestElement("Petugas kurang ramah, jutek").matched).toEqual(["kurang ramah", "jutek"]);
  });

  it("reads waiting time as U3 but a waiting room as U9: the phrase claims its words", () => {
    expect(suggestElement("Lama menunggu dipanggil").element).toBe("U3");
    expect(suggestElement("Tidak ada ruang tunggu").matched).toEqual(["ruang tunggu"]);
  });

  it("gives a tie to the element named first", () => {
    // "calo" (U4, strong) and "antre" (U3, strong) score the same.
    expect(suggestElement("Calo di antrean").element).toBe("U4");
    expect(suggestElement("Antrean penuh calo").element).toBe("U3");
  });
});

describe("suggestForTheme", () => {
  it("takes the element most of the theme's inputs speak to", () => {
    const suggestion = suggestForTheme([
      { text: "Antrean panjang sekali" },
      { text: "Nunggu 4 jam di loket" },
      { text: "Antri dari subuh" },
      { text: "Antre lama, ada yang minta uang" },
      { text: "Terima kasih" },
    ]);
    expect(suggestion.element).toBe("U3");
    expect(suggestion.matched).toContain("antre");
  });

  it("is other when none of the inputs names an element", () => {
    expect(suggestForTheme([{ text: "Terima kasih" }, { text: "Semoga sukses" }])).toEqual({
      element: "other",
      matched: [],
    });
  });

  it("breaks an even vote by the number of matched words, then by U1..U9 order", () => {
    const u4: ElementSuggestion = { element: "U4", matched: ["pungli", "uang"] };
    const u3: ElementSuggestion = { element: "U3", matched: ["lama"] };
    expect(combineElementSuggestions([u3, u4]).element).toBe("U4");
    expect(combineElementSuggestions([{ element: "U9", matched: ["kursi"] }, u3]).element).toBe("U3");
  });
});
