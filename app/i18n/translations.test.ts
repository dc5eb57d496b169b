import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../public/locales");

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key.replace(/_(one|other)$/, "")),
  );
}

function texts(locale: string) {
  const files = readdirSync(path.join(root, locale)).filter((file) => file.endsWith(".json"));
  return Object.fromEntries(files.map((file) => [file, JSON.parse(readFileSync(path.join(root, locale, file), "utf8"))]));
}

describe("translation files", () => {
  const id = texts("id");
  const en = texts("en");

  it("exist for the same features in both languages", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it("have the same keys in Bahasa Indonesia and English", () => {
    for (const file of Object.keys(id)) {
      const normalise = (keys: string[]) => [...new Set(keys.map((key) => key.replace(/_(one|other)$/, "")))].sort();
      expect(normalise(keysOf(en[file])), file).toEqual(normalise(keysOf(id[file])));
    }
  });

  it("never define the same top-level key in two feature files", () => {
    const seen = new Map<string, string>();
    for (const [file, content] of Object.entries(id)) {
      if (file === "fallback.json") continue;
      for (const key of Object.keys(content)) {
        expect(seen.get(key), `${key} in ${file}`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });
});
