import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "./migrations/index";

describe("migration list", () => {
  it("names every migration file, in order", () => {
    const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
    const files = readdirSync(folder)
      .filter((file) => /^\d{4}[a-z]?_.+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ""))
      .sort();
    expect(Object.keys(MIGRATIONS)).toEqual(files);
  });
});
