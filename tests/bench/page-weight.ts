// The citizens' pages' first load, as a phone on a first visit gets each of them: bytes on the wire, compressed.
//
//   SUARA_BUILD_DIR=build-bench npm run build        # once, or after app changes
//   npx tsx tests/bench/page-weight.ts [--encoding gzip|br|"gzip, br"] [--url http://host:port --code CODE]
//
// Serves the production build on a throwaway PostgreSQL (or measures --url), fetches each page with an empty
// cache and `Accept-Encoding: gzip, br`, follows every <script src>, <link rel="modulepreload"> and stylesheet (and
// url(...) inside the stylesheets), and prints the compressed bytes per kind. The pages: a demo counter's page
// /l/<code>, its full survey, the thank-you page after a quick rating (made through the rating endpoint), the
// complaint form opened from that thank-you page, and the tracking page. Budgets: the counter page at most 30 KB of
// HTML + CSS + JS, the others at most 40 KB each. Exit code 1 when a budget is missed.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { parseArgs } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import pg from "pg";
import { fmt, machineNote, printTable } from "./support/common";
import { BUILD_DIR, startBenchDatabase, startPortal, type BenchDatabase, type ChildServer } from "./support/stack";

const { values } = parseArgs({ options: { encoding: { type: "string", default: "gzip, br" }, url: { type: "string" }, code: { type: "string" } } });
const ACCEPT_ENCODING = values.encoding!;
const COUNTER_BUDGET = 30 * 1024;
const PAGE_BUDGET = 40 * 1024;
const PHONE_UA = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";

interface Fetched {
  url: string;
  kind: "html" | "css" | "js" | "other";
  status: number;
  encoding: string;
  wireBytes: number;
  rawBytes: number;
  headerBytes: number;
  body: Buffer;
}

/** GET (or POST a form) without decompression, counting the bytes that crossed the wire (body as sent, and the header block). */
function get(url: string, accept: string, form?: URLSearchParams): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const body = form ? Buffer.from(form.toString()) : undefined;
    const headers: Record<string, string> = { "Accept-Encoding": ACCEPT_ENCODING, Accept: accept, "User-Agent": PHONE_UA, "Accept-Language": "id-ID,id;q=0.9" };
    if (body) Object.assign(headers, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) });
    const request = http.request(url, { method: body ? "POST" : "GET", headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", async () => {
        const wire = Buffer.concat(chunks);
        const encoding = String(response.headers["content-encoding"] ?? "identity");
        const zlib = await import("node:zlib");
        const body = encoding === "gzip" ? zlib.gunzipSync(wire) : encoding === "br" ? zlib.brotliDecompressSync(wire) : encoding === "deflate" ? zlib.inflateSync(wire) : wire;
        const type = String(response.headers["content-type"] ?? "");
        const kind = type.includes("html") ? "html" : type.includes("css") ? "css" : type.includes("javascript") ? "js" : "other";
        const headerBytes = response.rawHeaders.reduce((total, part, index) => total + part.length + (index % 2 === 0 ? 2 : 2), 0) + 17;
        resolve({ url, kind, status: response.statusCode ?? 0, encoding, wireBytes: wire.length, rawBytes: body.length, headerBytes, body });
      });
      response.on("error", reject);
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`timeout fetching ${url}`)));
    request.on("error", reject);
    request.end(body);
  });
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag)?.slice(2).find((value) => value !== undefined);
}

/** What the page makes the browser fetch before it is interactive: scripts, module preloads, stylesheets. */
function referencedAssets(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attribute(tag, "src");
    if (src) found.push(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = (attribute(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attribute(tag, "href");
    if (href && (rel.includes("modulepreload") || rel.includes("stylesheet"))) found.push(href);
  }
  // Inline module scripts (Remix's hydration bootstrap) import the entry and route modules by path.
  for (const script of html.match(/<script\b[^>]*type="module"[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
    for (const match of script.matchAll(/(?:import\s*\(?\s*|from\s*)["'](\/[^"']+\.js)["']/g)) found.push(match[1]!);
  }
  return [...new Set(found)];
}

function cssReferences(css: string): string[] {
  const found: string[] = [];
  for (const match of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) if (!match[1]!.startsWith("data:")) found.push(match[1]!);
  for (const match of css.matchAll(/@import\s+["']([^"']+)["']/g)) found.push(match[1]!);
  return found;
}

interface PageWeight {
  name: string;
  path: string;
  budget: number;
  fetched: Fetched[];
  total: number;
}

/** One page as a first visit loads it: the document, then every script, preload and stylesheet it names. */
async function firstLoad(base: string, name: string, path: string, budget: number): Promise<PageWeight & { html: string }> {
  const page = await get(new URL(path, base).toString(), "text/html,application/xhtml+xml,*/*;q=0.8");
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  const fetched: Fetched[] = [page];
  const html = page.body.toString("utf8");
  const queue = referencedAssets(html);
  const seen = new Set<string>();
  for (let index = 0; index < queue.length && index < 200; index++) {
    const url = new URL(queue[index]!, base).toString();
    if (seen.has(url)) continue;
    seen.add(url);
    const asset = await get(url, "*/*");
    fetched.push(asset);
    if (asset.kind === "css") for (const ref of cssReferences(asset.body.toString("utf8"))) queue.push(new URL(ref, url).toString());
  }
  const bad = fetched.filter((item) => item.status !== 200);
  if (bad.length > 0) console.log(`${name}: not 200: ${bad.map((item) => `${item.url} ${item.status}`).join(", ")}`);
  const total = fetched.filter((item) => item.kind !== "other").reduce((sum, item) => sum + item.wireBytes, 0);
  return { name, path, budget, fetched, total, html };
}

const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
const wireOf = (page: PageWeight, kind: Fetched["kind"]) => page.fetched.filter((item) => item.kind === kind).reduce((sum, item) => sum + item.wireBytes, 0);

let database: BenchDatabase | undefined;
let portal: ChildServer | undefined;
let missed = false;
try {
  console.log(`Page weight of the citizens' pages, first visit each, Accept-Encoding: ${ACCEPT_ENCODING}; build ${BUILD_DIR}/`);
  console.log(`Machine: ${await machineNote()}`);
  let base = values.url;
  let code = values.code;
  if (!base) {
    database = await startBenchDatabase("suara_weight");
    portal = await startPortal(database.url);
    base = portal.url;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    code ??= (await client.query<{ code: string }>("select public_code as code from counters where retired_at is null order by id limit 1")).rows[0]?.code;
    await client.end();
  }
  if (!code) throw new Error("No counter code: pass --code when measuring --url");

  const pages: PageWeight[] = [];
  const counter = await firstLoad(base, "counter page", `/l/${code}`, COUNTER_BUDGET);
  pages.push(counter);
  pages.push(await firstLoad(base, "full survey", `/l/${code}/survei`, PAGE_BUDGET));
  // A quick rating through the endpoint the page's script uses, to reach a real thank-you page.
  const serviceId = /name="serviceId" value="(\d+)"/.exec(counter.html)?.[1];
  if (!serviceId) throw new Error("The counter page names no service");
  const rated = await get(
    new URL(`/api/ratings/${code}`, base).toString(),
    "application/json",
    new URLSearchParams({ idempotencyKey: randomUUID(), kind: "quick", serviceId, officer: "unknown", quickScore: "3", visitedAt: new Date().toISOString() }),
  );
  const thankYou = (JSON.parse(rated.body.toString("utf8")) as { thankYou?: string }).thankYou;
  if (!thankYou) throw new Error(`The rating endpoint answered ${rated.status}: ${rated.body.toString("utf8")}`);
  const thanks = await firstLoad(base, "thank-you page", thankYou, PAGE_BUDGET);
  pages.push(thanks);
  const complaint = /href="(\/pengaduan\/baru\?[^"]+)"/.exec(thanks.html)?.[1]?.replaceAll("&amp;", "&");
  if (!complaint) throw new Error("The thank-you page links to no complaint form");
  pages.push(await firstLoad(base, "complaint form", complaint, PAGE_BUDGET));
  pages.push(await firstLoad(base, "complaint tracking", "/pengaduan/lacak", PAGE_BUDGET));

  console.log("");
  const rows: string[][] = [["page", "HTML", "CSS", "JS", "files", "HTML+CSS+JS", "budget", ""]];
  for (const page of pages) {
    const holds = page.total <= page.budget;
    missed ||= !holds;
    rows.push([page.name, kb(wireOf(page, "html")), kb(wireOf(page, "css")), kb(wireOf(page, "js")), String(page.fetched.length), kb(page.total), `≤ ${kb(page.budget)}`, holds ? "HOLDS" : "MISSED"]);
  }
  printTable(rows);
  const headers = pages.flatMap((page) => page.fetched).reduce((sum, item) => sum + item.headerBytes, 0);
  console.log(`(plus about ${kb(headers)} of response headers in all, not counted; encodings: ${[...new Set(pages.flatMap((page) => page.fetched.map((item) => item.encoding)))].join("/")})`);

  // The counter page's files, largest first, with what gzip -9 and brotli 11 make of each (precompressed assets).
  console.log("");
  console.log("Counter page files, largest first:");
  const fileRows: string[][] = [["file", "kind", "on the wire", "uncompressed", "gzip -9", "brotli 11"]];
  for (const item of [...counter.fetched].sort((a, b) => b.wireBytes - a.wireBytes)) {
    fileRows.push([
      new URL(item.url).pathname.slice(0, 60),
      item.kind,
      kb(item.wireBytes),
      kb(item.rawBytes),
      kb(gzipSync(item.body, { level: 9 }).length),
      kb(brotliCompressSync(item.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
    ]);
  }
  printTable(fileRows);
  const runtime = counter.fetched.filter((item) => item.kind === "js" && !/\/assets\/citizen-[\w-]+\.js$/.test(new URL(item.url).pathname));
  console.log(`Framework runtime on the counter page: ${runtime.length === 0 ? "none (only the citizens' script)" : runtime.map((item) => new URL(item.url).pathname).join(", ")}`);
} finally {
  await portal?.stop().catch(() => {});
  await database?.stop().catch(() => {});
}
if (missed) process.exitCode = 1;
