import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// A posted body is read only by readForm (app/http/form-body.server.ts), which turns an unreadable body or a NUL
// character into a 400; ids from the URL only by idFromText/unitIdParam (app/http/params.ts), which refuse numbers
// a PostgreSQL integer cannot hold. A route that reads them another way would answer 500 on bad input again.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => `${folder}/${file.split(path.sep).join("/")}`);
}

function offenders(files: string[], pattern: RegExp): string[] {
  return files.filter((file) => pattern.test(readFileSync(path.join(ROOT, file), "utf8")));
}

describe("request readers", () => {
  const app = filesUnder("app").filter((file) => file !== "app/http/form-body.server.ts");

  it("read every posted body through readForm", () => {
    expect(offenders(app, /\.formData\(\)|unstable_parseMultipartFormData\(/)).toEqual([]);
  });

  it("read ids from paths and query strings through the id readers", () => {
    expect(offenders(filesUnder("app/routes"), /Number\((params\.|url\.searchParams|new URL)/)).toEqual([]);
  });
});
