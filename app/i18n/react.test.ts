import { describe, expect, it } from "vitest";
import { createTranslator } from "./i18n";
import { i18nFor, translatorOf } from "./react";

const texts = {
  greeting: "Selamat datang, {{name}}",
  items_one: "{{count}} item",
  items_other: "{{count}} items",
  only_other: "{{count}} penilaian",
  nested: { deep: "ok" },
  markup: "Nilai <b>{{value}}</b>",
};

describe("the translation function (i18next)", () => {
  it("finds nested keys and fills in values", () => {
    const t = createTranslator("id", texts);
    expect(t("nested.deep")).toBe("ok");
    expect(t("greeting", { name: "Yulia" })).toBe("Selamat datang, Yulia");
  });
  it("chooses the plural form of the language", () => {
    expect(createTranslator("en", texts)("items", { count: 1 })).toBe("1 item");
    expect(createTranslator("en", texts)("items", { count: 3 })).toBe("3 items");
    expect(createTranslator("id", texts)("only", { count: 1 })).toBe("1 penilaian");
  });
  it("answers with the key itself when a text is missing", () => {
    expect(createTranslator("id", texts)("missing.key")).toBe("missing.key");
  });
  it("leaves escaping to React and reads a colon as part of the text, not a namespace", () => {
    expect(createTranslator("id", texts)("markup", { value: "a & b" })).toBe("Nilai <b>a & b</b>");
    expect(createTranslator("id", { "a:b": "x" })("a:b")).toBe("x");
  });
  it("keeps the base texts under a page's texts even when the same texts were first used without them", () => {
    // The server caches one texts object per language: a loader's translator (no base) came first, then the shell.
    const page = { title: "Antrean" };
    expect(createTranslator("id", page)("nav.skip")).toBe("nav.skip");
    const shell = translatorOf(i18nFor("id", page, { nav: { skip: "Langsung ke isi" } }));
    expect(shell("nav.skip")).toBe("Langsung ke isi");
    expect(shell("title")).toBe("Antrean");
  });
});
