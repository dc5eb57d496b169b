// The counter page's first load, as a phone on a first visit gets it (issue 3): bytes on the wire, compressed.
//
//   SUARA_BUILD_DIR=build-bench npm run build        # once, or after app changes
//   npx tsx tests/bench/page-weight.ts [--encoding gzip|br|"gzip, br"] [--url http://host:port]
//
// Serves the production build on a throwaway PostgreSQL (or measures --url), fetches /l/<code> of a demo counter
// with `Accept-Encoding: gzip, br`, follows every <script src>, <link rel="modulepreload"> and stylesheet (and
// url(...) inside the stylesheets), and prints the compressed bytes per kind. Target: HTML + CSS + JS < 100 KB.
import http from "node:http";
import { parseArgs } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import pg from "pg";
import { fmt, machineNote, printTable } from "./support/common";
import { BUILD_DIR, startBenchDatabase, startPortal, type BenchDatabase, type ChildServer } from "./support/stack";

const { values } = parseArgs({ options: { encoding: { type: "string", default: "gzip, br" }, url: { type: "string" }, code: { type: "string" } } });
const ACCEPT_ENCODING = values.encoding!;
const TARGET_BYTES = 100 * 1024;
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

/** GET without decompression, counting the bytes that crossed the wire (body as sent, and the header block). */
function get(url: string, accept: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { "Accept-Encoding": ACCEPT_ENCODING, Accept: accept, "User-Agent": PHONE_UA, "Accept-Language": "id-ID,id;q=0.9" } }, (response) => {
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

let database: BenchDatabase | undefined;
let portal: ChildServer | undefined;
try {
  console.log(`Page weight of the counter page, first visit, Accept-Encoding: ${ACCEPT_ENCODING}; build ${BUILD_DIR}/`);
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

  const page = await get(new URL(`/l/${code}`, base).toString(), "text/html,application/xhtml+xml,*/*;q=0.8");
  if (page.status !== 200) throw new Error(`/l/${code} answered ${page.status}`);
  const fetched: Fetched[] = [page];
  const queue = referencedAssets(page.body.toString("utf8"));
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
  if (bad.length > 0) console.log(`Not 200: ${bad.map((item) => `${item.url} ${item.status}`).join(", ")}`);
  const kinds = ["html", "css", "js", "other"] as const;
  const rows: string[][] = [["kind", "files", "on the wire (body)", "uncompressed", "encoding"]];
  let total = 0;
  for (const kind of kinds) {
    const items = fetched.filter((item) => item.kind === kind);
    if (items.length === 0 && kind === "other") continue;
    const wire = items.reduce((sum, item) => sum + item.wireBytes, 0);
    if (kind !== "other") total += wire;
    rows.push([kind.toUpperCase(), String(items.length), `${fmt(wire / 1024, 1)} KB`, `${fmt(items.reduce((sum, item) => sum + item.rawBytes, 0) / 1024, 1)} KB`, [...new Set(items.map((item) => item.encoding))].join("/")]);
  }
  const headers = fetched.reduce((sum, item) => sum + item.headerBytes, 0);
  rows.push(["total HTML+CSS+JS", String(fetched.filter((item) => item.kind !== "other").length), `${fmt(total / 1024, 1)} KB`, "", ""]);
  console.log("");
  printTable(rows);
  console.log(`(plus about ${fmt(headers / 1024, 1)} KB of response headers over ${fetched.length} responses, not counted)`);
  console.log(`target < 100 KB for HTML + CSS + JS compressed: ${fmt(total / 1024, 1)} KB → ${total < TARGET_BYTES ? "HOLDS" : "MISSED"}`);

  // The JS chunks, largest first, with what gzip -9 and brotli -11 would make of them offline (precompressed assets).
  const js = fetched.filter((item) => item.kind === "js").sort((a, b) => b.wireBytes - a.wireBytes);
  const best = (body: Buffer) => ({
    gzip9: gzipSync(body, { level: 9 }).length,
    br11: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
  console.log("");
  console.log("JavaScript chunks, largest first:");
  const chunkRows: string[][] = [["chunk", "on the wire", "uncompressed", "gzip -9", "brotli 11"]];
  let gzipTotal = 0;
  let brTotal = 0;
  for (const item of js) {
    const sizes = best(item.body);
    gzipTotal += sizes.gzip9;
    brTotal += sizes.br11;
    chunkRows.push([new URL(item.url).pathname, `${fmt(item.wireBytes / 1024, 1)} KB`, `${fmt(item.rawBytes / 1024, 1)} KB`, `${fmt(sizes.gzip9 / 1024, 1)} KB`, `${fmt(sizes.br11 / 1024, 1)} KB`]);
  }
  printTable(chunkRows);
  const others = fetched.filter((item) => item.kind !== "js").reduce((sum, item) => sum + item.wireBytes, 0);
  console.log(`If every asset were precompressed: JS gzip -9 ${fmt(gzipTotal / 1024, 1)} KB, brotli 11 ${fmt(brTotal / 1024, 1)} KB; page total with brotli JS ≈ ${fmt((brTotal + others) / 1024, 1)} KB`);
} finally {
  await portal?.stop().catch(() => {});
  await database?.stop().catch(() => {});
}
