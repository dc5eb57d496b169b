import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The layers of docs/conventions.md ("Layout"), lowest first. A module may import its own layer and any layer
// with a lower rank; an import that reaches a higher rank, or a different layer of the same rank, runs back up.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface Layer {
  name: string;
  rank: number;
  matches(file: string): boolean;
  /** When set, the only other layers this one may import, whatever their rank. */
  only?: readonly string[];
}

const RATING_ENDPOINT = /^app\/http\/rating-(api|request)\.server\.ts$/;
const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
const LAYERS: Layer[] = [
  {
    name: "db foundation",
    rank: 0,
    matches: (file) => ["db/schema.ts", "db/connect.ts", "db/migrate.ts", "db/migrate.test.ts", "db/roles.ts"].includes(file) || under("db/tables")(file) || under("db/migrations")(file),
  },
  // Locales and formats: the domain may name a locale.
  { name: "i18n", rank: 1, matches: under("app/i18n") },
  { name: "domain", rank: 2, matches: under("app/domain") },
  { name: "platform", rank: 2, matches: under("app/platform") },
  { name: "data", rank: 3, matches: under("app/data") },
  // Parsing what a request carries (forms, params, query strings, redirect targets): used by the guard too.
  { name: "http", rank: 4, matches: (file) => under("app/http")(file) && !RATING_ENDPOINT.test(file) },
  { name: "auth", rank: 5, matches: under("app/auth") },
  // The rating endpoint answers requests itself (outside Remix in production), above the page models it serves.
  { name: "rating endpoint", rank: 6.5, matches: (file) => RATING_ENDPOINT.test(file) },
  { name: "pages", rank: 6, matches: under("app/pages") },
  { name: "exports", rank: 7, matches: under("app/exports") },
  { name: "ui", rank: 8, matches: under("app/ui") },
  // The citizens' pages' browser script: it runs in the browser beside no framework, so it takes pure rules from
  // the domain and nothing else (no server module, no React, no i18n runtime).
  { name: "enhance", rank: 8, matches: under("app/enhance"), only: ["domain"] },
  { name: "routes", rank: 9, matches: (file) => under("app/routes")(file) || /^app\/(root|entry\.(client|server))\.tsx$/.test(file) },
  { name: "attic", rank: 10, matches: (file) => under("db/seed")(file) || under("db/cli")(file) },
  { name: "server", rank: 11, matches: under("server") },
];

function layerOf(file: string): Layer | undefined {
  return LAYERS.find((layer) => layer.matches(file));
}

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.(ts|tsx)$/.test(entry.name)) out.push(relative);
    }
  };
  walk(folder);
  return out;
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|(?:^|[\s;(])import\s*\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm;

/** The project file an import names, relative to the repository, or undefined for a package. */
function resolve(fromFile: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join("app", specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.normalize(path.join(path.dirname(fromFile), specifier));
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    const full = path.join(ROOT, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate.split(path.sep).join("/");
  }
  return base;
}

export function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier) continue;
    const target = resolve(file, specifier);
    if (target) found.push(target);
  }
  return found;
}

/** Every import that runs back up, as "file (layer) → target (layer)". */
export function upwardArrows(graph: Iterable<readonly [string, readonly string[]]>): string[] {
  const arrows: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    if (!from) continue;
    for (const target of targets) {
      const to = layerOf(target);
      if (!to || to === from) continue;
      if (from.only ? !from.only.includes(to.name) : to.rank >= from.rank) arrows.push(`${file} (${from.name}) → ${target} (${to.name})`);
    }
  }
  return arrows;
}

describe("the layers", () => {
  const files = [...sourceFiles("app"), ...sourceFiles("db"), ...sourceFiles("server")];

  it("place every module of app/ and db/ in a layer", () => {
    expect(files.filter((file) => !layerOf(file) && (file.startsWith("app/") || file.startsWith("db/")))).toEqual([]);
  });

  it("import only downwards: routes → ui, enhance (domain only) → exports → pages → auth → http → data → domain, platform, i18n → db foundation", () => {
    expect(upwardArrows(files.map((file) => [file, importsOf(file)] as const))).toEqual([]);
  });

  it("name each arrow that runs back up, and let the ones that run down pass", () => {
    const graph = [
      ["app/data/users.server.ts", ["app/auth/session.server.ts", "app/domain/sign-in-lockout.ts", "db/schema.ts"]],
      ["app/ui/skp.tsx", ["app/root.tsx", "app/i18n/react.tsx"]],
      ["app/domain/skp.ts", ["app/platform/clock.server.ts"]],
      ["db/schema.ts", ["db/seed/demo.ts", "db/tables/forums.ts"]],
      ["app/pages/counter-page.server.ts", ["app/http/rating-request.server.ts", "app/data/ratings.server.ts"]],
      ["app/routes/masuk.tsx", ["app/ui/Field.tsx", "app/auth/session.server.ts", "app/data/users.server.ts"]],
      ["app/enhance/citizen.ts", ["app/enhance/queue.ts", "app/domain/ratings.ts", "app/platform/clock.server.ts", "app/i18n/format.ts"]],
      ["app/root.tsx", ["app/enhance/citizen.ts?worker&url"]],
    ] as const;
    expect(upwardArrows(graph)).toEqual([
      "app/data/users.server.ts (data) → app/auth/session.server.ts (auth)",
      "app/ui/skp.tsx (ui) → app/root.tsx (routes)",
      "app/domain/skp.ts (domain) → app/platform/clock.server.ts (platform)",
      "db/schema.ts (db foundation) → db/seed/demo.ts (attic)",
      "app/pages/counter-page.server.ts (pages) → app/http/rating-request.server.ts (rating endpoint)",
      "app/enhance/citizen.ts (enhance) → app/platform/clock.server.ts (platform)",
      "app/enhance/citizen.ts (enhance) → app/i18n/format.ts (i18n)",
    ]);
  });

  it("read the imports of a module, with the ~/ alias and relative paths resolved", () => {
    expect(importsOf("app/data/users.server.ts")).toEqual(expect.arrayContaining(["db/schema.ts", "app/domain/sign-in-lockout.ts"]));
    expect(resolve("app/data/users.server.ts", "~/auth/session.server")).toBe("app/auth/session.server.ts");
    expect(resolve("app/data/users.server.ts", "kysely")).toBeUndefined();
  });
});
