import { readdirSync } from "node:fs";
import path from "node:path";

// The route table as the file system holds it (Remix flat routes in app/routes): the attack tests read it, so a
// route is attacked the day its file lands.

export const ROUTES_DIR = path.resolve("app/routes");

/** Remix's flat route file name as a URL pattern with `:param` segments ("staf.impor.$unitId_.templat[.csv]"). */
export function routePattern(file: string): string {
  const name = file.replace(/\.tsx?$/, "");
  const segments: string[] = [];
  let current = "";
  let escaped = false;
  for (const char of name) {
    if (char === "[") escaped = true;
    else if (char === "]") escaped = false;
    else if (char === "." && !escaped) {
      segments.push(current);
      current = "";
    } else current += escaped && char === "." ? "\u0001" : char;
  }
  segments.push(current);
  const parts = segments
    .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
    .map((segment) => segment.replace(/_$/, "").replaceAll("\u0001", "."))
    .map((segment) => (segment === "$" ? "*" : segment.replace(/^\$/, ":").replace(/\$(\w+)/, ":$1")));
  return `/${parts.join("/")}`;
}

/** Every route module's file name (tests beside them excluded). */
export function routeFiles(): string[] {
  return readdirSync(ROUTES_DIR)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\./.test(file))
    .sort();
}

/** The parameter names of a pattern, `*` for a splat. */
export function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(/:(\w+)|\*/g)].map((match) => match[1] ?? "*");
}

/** The pattern with each parameter replaced by its value. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => {
    const value = values[name ?? "*"];
    if (value === undefined) throw new Error(`no value for route parameter ${name ?? "*"} of ${pattern}`);
    return value;
  });
}
