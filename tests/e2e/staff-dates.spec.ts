import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Every staff page a role can reach by following links from the workspace, in Bahasa Indonesia on the demo data:
// no date or month is ever printed as ISO ("2026-10-31", "2026-01"). Input values keep the ISO form the browser's
// date fields need; they are not visible text and are not checked. What a screen reader reads (aria-label) is.
// The same crawl checks that every page hydrates: a server render that differs from the browser's makes React
// throw the page away and render it again, wiping what the user already typed.

const ISO_DATE = /\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?\b/g;
const ROLES = ["admin", "supervisor", "petugas", "moderator", "pengaduan"] as const;
/** Pages of one shape (the same route with other ids) visited at most this often. */
const PER_SHAPE = 2;
const PER_ROLE = 70;
/** Links to files, not pages. */
const NOT_A_PAGE = /\.(csv|xlsx|pdf|svg|png)(\?|$)|\/lampiran\/|\/bukti\/|\/templat/;

/** The route a URL belongs to: ids become ":n", and the names of its query parameters are kept. */
function shapeOf(url: URL): string {
  const keys = [...url.searchParams.keys()].sort().join("&");
  return `${url.pathname.replace(/\/\d+(?=\/|$)/g, "/:n")}?${keys}`;
}

async function isoDatesOn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const main = document.body;
    const labels = [...main.querySelectorAll("[aria-label]")].map((element) => element.getAttribute("aria-label") ?? "");
    return [main.innerText, ...labels];
  });
  const hits: string[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(ISO_DATE)) {
      const at = match.index ?? 0;
      hits.push(text.slice(Math.max(0, at - 40), at + match[0].length + 20).replace(/\s+/g, " "));
    }
  }
  return hits;
}

/** React's production errors for a server render that the browser's render does not match (418, 423, 425). */
const HYDRATION_ERROR = /Minified React error #(418|423|425)|hydrat/i;

async function crawl(page: Page, start: string): Promise<{ visited: string[]; hits: string[]; hydration: string[] }> {
  const origin = new URL(page.url()).origin;
  const hydration: string[] = [];
  const noteHydrationError = (text: string) => {
    if (HYDRATION_ERROR.test(text)) hydration.push(`${new URL(page.url()).pathname}: ${text.slice(0, 80)}`);
  };
  page.on("pageerror", (error) => noteHydrationError(String(error)));
  page.on("console", (message) => message.type() === "error" && noteHydrationError(message.text()));
  const queue = [start];
  const seen = new Set<string>([start]);
  const shapes = new Map<string, number>();
  const visited: string[] = [];
  const hits: string[] = [];
  while (queue.length > 0 && visited.length < PER_ROLE) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    if (!response || !(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    expect(response.status(), `${path} answers`).toBeLessThan(500);
    visited.push(path);
    // Pages no link leads to on the demo data: a counter's visit-code slips, an indicator page for a date range.
    if (/^\/staf\/loket\/\d+$/.test(path)) queue.push(`${path}/slip`);
    if (/^\/staf\/(indikator|laporan)\/\d+$/.test(path)) queue.push(`${path}?periode=custom&dari=2026-02-03&sampai=2026-09-30`);
    const found = await isoDatesOn(page);
    // One line per page: where, how many, and the first few in their context.
    if (found.length > 0) hits.push(`${path} (${found.length}): …${found.slice(0, 3).join("… | …")}…`);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      url.hash = "";
      if (url.origin !== origin || !url.pathname.startsWith("/staf") || NOT_A_PAGE.test(url.pathname)) continue;
      const next = url.pathname + url.search;
      if (seen.has(next)) continue;
      seen.add(next);
      const shape = shapeOf(url);
      const count = shapes.get(shape) ?? 0;
      if (count >= PER_SHAPE) continue;
      shapes.set(shape, count + 1);
      queue.push(next);
    }
  }
  return { visited, hits, hydration };
}

for (const role of ROLES) {
  test(`no ISO date and no failed hydration on any staff page ${role} can reach`, async ({ page }) => {
    test.setTimeout(420_000);
    await signIn(page, role);
    const { visited, hits, hydration } = await crawl(page, "/staf");
    await test.info().attach("visited", { body: visited.join("\n"), contentType: "text/plain" });
    expect(visited.length, `pages visited as ${role}`).toBeGreaterThan(3);
    expect(hits, `ISO dates seen as ${role} on ${visited.length} pages`).toEqual([]);
    expect(hydration, `pages that did not hydrate as ${role}`).toEqual([]);
  });
}
