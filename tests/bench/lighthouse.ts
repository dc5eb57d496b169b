// Lighthouse on the citizens' pages, with its default mobile profile (a mid-range phone, simulated slow 4G and a
// 4× slower CPU), in Debian's Chromium.
//
//   SUARA_BUILD_DIR=build-bench npm run build        # once, or after app changes
//   npx tsx tests/bench/lighthouse.ts [--runs 3] [--url http://host:port --code CODE] [--explain]
//
// Serves the production build on a throwaway PostgreSQL (or measures --url), then runs Lighthouse (performance and
// accessibility) on a demo counter's page, its full survey, the complaint form and the tracking page, each `--runs`
// times with a fresh browser profile, and prints the median of each figure (--explain: also the LCP element and the
// phases of its time). Targets for the counter page:
// performance ≥ 98, accessibility 100, LCP ≤ 1.0 s. Exit code 1 when a target is missed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import pg from "pg";
import { chromiumLaunchOptions } from "../support/chromium";
import { fmt, machineNote, printTable, quantile } from "./support/common";
import { BUILD_DIR, startBenchDatabase, startPortal, type BenchDatabase, type ChildServer } from "./support/stack";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, url: { type: "string" }, code: { type: "string" }, explain: { type: "boolean", default: false } } });
const RUNS = Math.max(1, Number(values.runs));

interface Figures {
  performance: number;
  accessibility: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  failedAudits: string[];
  /** The largest contentful paint's element and the phases of its time, as Lighthouse explains them. */
  lcpElement: string;
}

async function audit(url: string): Promise<Figures> {
  const profile = mkdtempSync(path.join(tmpdir(), "suara-lh-"));
  const options = chromiumLaunchOptions();
  const chrome = await chromeLauncher.launch({
    chromePath: options.executablePath,
    chromeFlags: ["--headless=new", ...options.args.filter((flag) => flag !== "--headless")],
    userDataDir: profile,
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const failedAudits = lhr.categories.accessibility!.auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
    return {
      performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility!.score ?? 0) * 100),
      lcpMs: numeric("largest-contentful-paint"),
      fcpMs: numeric("first-contentful-paint"),
      tbtMs: numeric("total-blocking-time"),
      cls: numeric("cumulative-layout-shift"),
      failedAudits,
      lcpElement: JSON.stringify(lhr.audits["largest-contentful-paint-element"]?.details ?? null),
    };
  } finally {
    await chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Lighthouse's trace recording sometimes fails on a busy machine (NO_NAVSTART, NO_FCP): such a run is made again, twice at most. */
async function auditWithRetries(url: string): Promise<Figures> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`  run failed (${error instanceof Error ? error.message : String(error)}), again`);
    }
  }
}

let database: BenchDatabase | undefined;
let portal: ChildServer | undefined;
let missed = false;
try {
  console.log(`Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, mobile profile, ${RUNS} run(s) per page (median); build ${BUILD_DIR}/`);
  console.log(`Machine: ${await machineNote()}`);
  let base = values.url;
  let code = values.code;
  let unitId: number | undefined;
  if (!base) {
    database = await startBenchDatabase("suara_lighthouse");
    portal = await startPortal(database.url);
    base = portal.url;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const row = (await client.query<{ code: string; unit_id: number }>("select public_code as code, unit_id from counters where retired_at is null order by id limit 1")).rows[0];
    await client.end();
    code ??= row?.code;
    unitId = row?.unit_id;
  }
  if (!code) throw new Error("No counter code: pass --code when measuring --url");
  const pages: [string, string][] = [
    ["counter page", `/l/${code}`],
    ["full survey", `/l/${code}/survei`],
    ["complaint form", unitId ? `/pengaduan/baru?unit=${unitId}` : "/pengaduan/baru"],
    ["complaint tracking", "/pengaduan/lacak"],
  ];
  const rows: string[][] = [["page", "performance", "accessibility", "LCP", "FCP", "TBT", "CLS", "accessibility audits failed"]];
  for (const [name, pagePath] of pages) {
    const runs: Figures[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await auditWithRetries(new URL(pagePath, base).toString()));
    if (values.explain) console.log(`${name}: LCP element and phases: ${runs.map((figures) => figures.lcpElement).join("\n")}`);
    const median = (pick: (figures: Figures) => number) => quantile(runs.map(pick), 0.5);
    const figures = {
      performance: median((f) => f.performance),
      accessibility: median((f) => f.accessibility),
      lcpMs: median((f) => f.lcpMs),
    };
    if (name === "counter page") missed ||= figures.performance < 98 || figures.accessibility < 100 || figures.lcpMs > 1_000;
    rows.push([
      name,
      String(figures.performance),
      String(figures.accessibility),
      `${fmt(figures.lcpMs / 1000, 2)} s`,
      `${fmt(median((f) => f.fcpMs) / 1000, 2)} s`,
      `${fmt(median((f) => f.tbtMs))} ms`,
      fmt(median((f) => f.cls), 3),
      [...new Set(runs.flatMap((f) => f.failedAudits))].join(", ") || "none",
    ]);
  }
  console.log("");
  printTable(rows);
  console.log(`Counter page targets (performance ≥ 98, accessibility 100, LCP ≤ 1.0 s): ${missed ? "MISSED" : "HOLD"}`);
} finally {
  await portal?.stop().catch(() => {});
  await database?.stop().catch(() => {});
}
if (missed) process.exitCode = 1;
