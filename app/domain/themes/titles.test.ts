import { describe, expect, it } from "vitest";
import { byCentrality, keyClause, themeTitles, TITLE_MAX_WORDS, writtenClauses } from "./titles";

describe("keyClause", () => {
  it("takes the clause holding the theme's words, as written, with a capital letter", () => {
    const text = "Terima kasih pak, tapi antrian di loket KTP panjang bana. Parkir juga sempit";
    expect(keyClause(text, new Set(["antri", "loket"]))).toBe("Tapi antrian di loket KTP panjang bana");
  });

  it("shortens a long clause at a word", () => {
    const title = keyClause("antri dari jam enam pagi sampai jam dua belas siang belum juga dipanggil petugas", new Set(["antri"]));
    expect(title.endsWith("…")).toBe(true);
    expect(title.replace("…", "").split(" ")).toHaveLength(TITLE_MAX_WORDS);
  });

  it("splits clauses at sentence marks and commas, keeping decimal numbers whole", () => {
    expect(writtenClauses("Seragam 1,2 juta. Buku mahal, LKS wajib")).toEqual(["Seragam 1,2 juta", "Buku mahal", "LKS wajib"]);
  });
});

describe("themeTitles", () => {
  it("never gives two themes of a forum the same title", () => {
    const texts = ["Antrean panjang", "Antrean panjang", "antrean panjang, lama"];
    const titles = themeTitles(
      [
        { membersByCentrality: [0, 2], stems: new Set(["antre"]) },
        { membersByCentrality: [1], stems: new Set(["antre"]) },
      ],
      texts,
    );
    expect(new Set(titles.map((title) => title.toLowerCase())).size).toBe(2);
    expect(titles[0]).toBe("Antrean panjang");
  });
});

describe("byCentrality", () => {
  it("puts first the member most alike to the others", () => {
    const similarity = new Float32Array([1, 0.2, 0.9, 0.2, 1, 0.3, 0.9, 0.3, 1]);
    expect(byCentrality([0, 1, 2], similarity, 3)[0]).toBe(2);
  });
});
