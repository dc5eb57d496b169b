import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// A page sent without the runtime (handle CITIZEN_PAGE or KIOSK_PAGE) must be loaded as a document when a hydrated
// staff page navigates to it; otherwise it renders inside the staff app, without its script (the offline queue).
const ROUTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../app/routes");
const routes = readdirSync(ROUTES)
  .filter((file) => file.endsWith(".tsx"))
  .map((file) => ({ file, source: readFileSync(path.join(ROUTES, file), "utf8") }));
const citizenRoutes = routes.filter(({ source }) => /^export const handle = (CITIZEN_PAGE|KIOSK_PAGE);$/m.test(source));

describe("pages without the runtime", () => {
  it("include the counter page, the survey, kiosk, complaints, offices and forums", () => {
    const files = citizenRoutes.map(({ file }) => file);
    for (const file of ["l.$code._index.tsx", "l.$code.survei.tsx", "l.$code.kiosk.tsx", "pengaduan.baru.tsx", "pengaduan.lacak.$code.tsx", "kantor._index.tsx", "forum._index.tsx", "_index.tsx"]) {
      expect(files).toContain(file);
    }
  });

  it.each(citizenRoutes.map(({ file, source }) => [file, source]))("%s is loaded as a document from a staff page", (_file, source) => {
    expect(source).toMatch(/^export const clientLoader = loadAsDocument;$/m);
  });

  it.each(citizenRoutes.map(({ file, source }) => [file, source]))("%s has a server loader, so the server renders it", (_file, source) => {
    // With a clientLoader alone, Remix renders the route empty on the server and waits for the browser to load it.
    expect(source).toMatch(/^export (async function loader|function loader|const loader)\b/m);
  });

  it("every other page hydrates: nothing else marks itself as a page without the runtime", () => {
    const others = routes.filter(({ source }) => /hydrate:\s*false/.test(source)).map(({ file }) => file);
    expect(others).toEqual([]);
  });
});
