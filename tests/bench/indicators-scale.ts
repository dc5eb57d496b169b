// The queries behind a unit's quarterly indicator page at scale (issue 4): rollups vs the raw ratings table.
//
//   npx tsx tests/bench/indicators-scale.ts [--ratings 10000000] [--runs 20] [--years 3] [--max-seconds 300]
//
// Starts a throwaway PostgreSQL, migrates, seeds the demo, then N generated ratings (db/seed/ratings.ts), and times
// for the Disdukcapil of Kota Pariaman and the latest full quarter: scopeIndicators, officerScores and monthlyTrend
// (app/data/indicators.server.ts, reading rating_daily) against the same figures computed from `ratings`.
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { sql, type Kysely } from "kysely";
import { createDatabase } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import type { Database } from "../../db/schema";
import { seedDemo } from "../../db/seed/demo";
import { seedRatings } from "../../db/seed/ratings";
import { monthlyTrend, officerScores, rollupDifferences, scopeIndicators, scopeIndicatorsFromRaw, type Scope } from "../../app/data/indicators.server";
import { ELEMENT_CODES } from "../../app/domain/indicators/elements";
import { EQUAL_WEIGHTS, emptyTallies } from "../../app/domain/indicators/ikm";
import { buildMonthlyTrend, type MonthlyTallies } from "../../app/domain/indicators/comparison";
import { pooledMean, rankOfficers, scoreOfficer } from "../../app/domain/indicators/officer-score";
import { periodContaining, previousPeriod, twelveMonthsEnding, type Period } from "../../app/domain/indicators/period";
import { fmt, machineNote, numberOptions, printTable, quantile } from "./support/common";
import { startBenchDatabase, type BenchDatabase } from "./support/stack";

const options = numberOptions({ ratings: 10_000_000, runs: 20, years: 3, "max-seconds": 300, seed: 42 });
const TARGET_P95_MS = 100;
const TARGET_SPEEDUP = 100;

type UnitScope = Extract<Scope, { kind: "unit" }>;

// ---- Raw equivalents of officerScores and monthlyTrend: the same sums over `ratings`, then the same domain maths. ----
// "scan": filtered like scopeIndicatorsFromRaw (the unit's subtree and the local calendar day), so PostgreSQL reads
// every rating of the unit. "indexed": adds a coarse bound on submitted_at (a day either side, which covers every
// time zone) so the (unit_id, submitted_at) index narrows the rows first: the best a raw query can do today.
type RawMode = "scan" | "indexed";
const unitFilter = (unitId: number) => sql`r.unit_id in (select id from units where path like (select path from units where id = ${unitId}) || '%')`;
const dayFilter = (from: string, to: string, mode: RawMode) =>
  mode === "indexed"
    ? sql`r.submitted_at >= ${from}::date - 1 and r.submitted_at < ${to}::date + 2
          and (r.submitted_at at time zone a.time_zone)::date between ${from}::date and ${to}::date`
    : sql`(r.submitted_at at time zone a.time_zone)::date between ${from}::date and ${to}::date`;

async function officerScoresFromRaw(db: Kysely<Database>, scope: UnitScope, period: Pick<Period, "from" | "to">, mode: RawMode) {
  const rows = await sql<{ officer_id: number; name: string; n: number; sum: number; sumsq: number; verified_n: number | null }>`
    select r.officer_id, o.name, count(rating_officer_score(r))::int as n, coalesce(sum(rating_officer_score(r)), 0)::float8 as sum,
      coalesce(sum(rating_officer_score(r) ^ 2), 0)::float8 as sumsq,
      count(rating_officer_score(r)) filter (where r.verified)::int as verified_n
    from ratings r join agencies a on a.id = r.agency_id join officers o on o.id = r.officer_id
    where ${unitFilter(scope.unitId)} and ${dayFilter(period.from, period.to, mode)}
      and r.status = 'valid' and r.officer_id is not null and not r.officer_attribution_removed
    group by r.officer_id, o.name
    order by o.name`.execute(db);
  // Exactly what officerScores does with its rows.
  const sums = rows.rows.map((row) => ({ officerId: String(row.officer_id), n: row.n, sum: row.sum, sumOfSquares: row.sumsq }));
  const unitMean = pooledMean(sums);
  const officers = rows.rows.map((row, index) => ({
    officerId: row.officer_id,
    name: row.name,
    score: unitMean === null ? ({ kind: "insufficient", officerId: String(row.officer_id), n: row.n, minimum: 10 } as const) : scoreOfficer(sums[index]!, { unitMean }),
    verifiedShare: row.n > 0 ? (row.verified_n ?? 0) / row.n : null,
  }));
  return { unitMean, officers, ranking: rankOfficers(officers.map((officer) => officer.score)) };
}

async function monthlyTrendFromRaw(db: Kysely<Database>, scope: UnitScope, months: { from: string; to: string }, mode: RawMode) {
  const from = `${months.from}-01`;
  const [year, month] = months.to.split("-").map(Number) as [number, number];
  const to = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  const elementSums = ELEMENT_CODES.flatMap((code) => {
    const column = code.toLowerCase();
    return [sql`count(r.${sql.ref(column)})::int as ${sql.ref(`${column}_n`)}`, sql`coalesce(sum(r.${sql.ref(column)}), 0)::int as ${sql.ref(`${column}_sum`)}`];
  });
  const result = await sql<Record<string, number> & { month: string }>`
    select to_char((r.submitted_at at time zone a.time_zone)::date, 'YYYY-MM') as month, count(*)::int as n, ${sql.join(elementSums)}
    from ratings r join agencies a on a.id = r.agency_id
    where ${unitFilter(scope.unitId)} and ${dayFilter(from, to, mode)} and r.status = 'valid'
    group by 1 order by 1`.execute(db);
  const monthly: MonthlyTallies[] = result.rows.map((row) => {
    const sums = emptyTallies();
    for (const code of ELEMENT_CODES) sums[code] = { count: row[`${code.toLowerCase()}_n`]!, sum: row[`${code.toLowerCase()}_sum`]! };
    return { month: row.month, sums, respondents: row.n };
  });
  return buildMonthlyTrend(monthly, months, EQUAL_WEIGHTS);
}

interface Timing {
  name: string;
  runs: number[];
  result: unknown;
}

/** One untimed run, then up to `runs` timed runs, stopping early only past the time budget. */
async function time(name: string, task: () => Promise<unknown>, runs: number, budgetSeconds: number): Promise<Timing> {
  const result = await task();
  const samples: number[] = [];
  const deadline = performance.now() + budgetSeconds * 1000;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
    if (performance.now() > deadline && samples.length >= 3) break;
  }
  const line = `${name.padEnd(28)} runs ${String(samples.length).padStart(3)}  p50 ${quantile(samples, 0.5).toFixed(1).padStart(9)} ms  p95 ${quantile(samples, 0.95).toFixed(1).padStart(9)} ms`;
  console.log(line);
  return { name, runs: samples, result };
}

function localToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MB`;

let database: BenchDatabase | undefined;
let db: Kysely<Database> | undefined;
// On Ctrl-C stop the cluster first (a bulk insert may hold a pooled connection for a while).
process.on("SIGINT", () => void (async () => {
  await database?.stop().catch(() => {});
  process.exit(130);
})());

try {
  console.log(`Indicators at scale: ${fmt(options.ratings)} generated ratings over ${options.years} years, ${options.runs} timed runs per query`);
  console.log(`Machine: ${await machineNote()}`);
  database = await startBenchDatabase("suara_scale");
  db = createDatabase(database.url, 4);
  let started = performance.now();
  await migrateToLatest(db);
  await seedDemo(db);
  console.log(`Migrated and seeded the demo in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  let insertedAt = started;
  let lastPrint = 0;
  const to = new Date();
  await seedRatings(db, {
    count: options.ratings,
    from: new Date(to.getTime() - options.years * 365 * 86_400_000),
    to,
    seed: options.seed,
    batchSize: 20_000,
    onProgress: (written, total) => {
      insertedAt = performance.now();
      if (insertedAt - lastPrint < 2_000 && written < total) return;
      lastPrint = insertedAt;
      const rate = written / ((insertedAt - started) / 1000);
      process.stderr.write(`\r  seeding ${fmt(written)} / ${fmt(total)} (${((written / total) * 100).toFixed(1)}%), ${fmt(rate)} rows/s   `);
    },
  });
  const seedSeconds = (performance.now() - started) / 1000;
  const insertSeconds = (insertedAt - started) / 1000;
  process.stderr.write("\n");
  console.log(
    `Seeded ${fmt(options.ratings)} ratings in ${seedSeconds.toFixed(1)} s = ${fmt(options.ratings / seedSeconds)} rows/s ` +
      `(inserts ${insertSeconds.toFixed(1)} s = ${fmt(options.ratings / insertSeconds)} rows/s, rollup rebuild ${(seedSeconds - insertSeconds).toFixed(1)} s)`,
  );
  started = performance.now();
  // The whole database: small tables such as `units` (35 rows) stay below autovacuum's analyze threshold, and
  // without their statistics the planner may scan all of rating_daily for a unit's subtree.
  await sql`vacuum analyze`.execute(db);
  console.log(`vacuum analyze of the whole database (what autovacuum does after a bulk load): ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const sizes = (
    await sql<{ db: number; ratings: number; ratings_heap: number; daily: number; ratings_rows: number; daily_rows: number }>`
      select pg_database_size(current_database())::float8 as db, pg_total_relation_size('ratings')::float8 as ratings,
        pg_relation_size('ratings')::float8 as ratings_heap, pg_total_relation_size('rating_daily')::float8 as daily,
        (select count(*) from ratings)::float8 as ratings_rows, (select count(*) from rating_daily)::float8 as daily_rows`.execute(db)
  ).rows[0]!;
  console.log(
    `Sizes: database ${mb(sizes.db)}; ratings ${mb(sizes.ratings)} with indexes (${mb(sizes.ratings_heap)} table), ${fmt(sizes.ratings_rows)} rows; ` +
      `rating_daily ${mb(sizes.daily)}, ${fmt(sizes.daily_rows)} rows (${(sizes.ratings_rows / Math.max(1, sizes.daily_rows)).toFixed(1)} ratings per rollup row)`,
  );

  const unit = (
    await sql<{ id: number; name: string; ratings: number }>`
      select u.id, u.name || ', ' || a.name as name,
        (select count(*) from ratings r where r.unit_id = u.id)::int as ratings
      from units u join agencies a on a.id = u.agency_id
      where a.slug = 'kota-pariaman' and u.name like 'Dinas Kependudukan%'`.execute(db)
  ).rows[0];
  if (!unit) throw new Error("The Disdukcapil of Kota Pariaman is not in the demo data");
  const scope: UnitScope = { kind: "unit", unitId: unit.id };
  const quarter = previousPeriod(periodContaining("quarter", localToday()));
  const months = twelveMonthsEnding(quarter.to);
  console.log(`Scope: ${unit.name} (unit ${unit.id}, ${fmt(unit.ratings)} ratings in all); quarter ${quarter.from}..${quarter.to}; trend ${months.from}..${months.to}`);
  console.log("");

  const budget = options["max-seconds"];
  const rollup = [
    await time("scopeIndicators (rollup)", () => scopeIndicators(db!, scope, quarter), options.runs, budget),
    await time("officerScores (rollup)", () => officerScores(db!, scope, quarter), options.runs, budget),
    await time("monthlyTrend (rollup)", () => monthlyTrend(db!, scope, months), options.runs, budget),
  ];
  const raw = [
    await time("scopeIndicatorsFromRaw", () => scopeIndicatorsFromRaw(db!, scope, quarter), options.runs, budget),
    await time("officer scores (raw scan)", () => officerScoresFromRaw(db!, scope, quarter, "scan"), options.runs, budget),
    await time("12-month trend (raw scan)", () => monthlyTrendFromRaw(db!, scope, months, "scan"), options.runs, budget),
  ];
  const indexed = [
    await time("officer scores (raw indexed)", () => officerScoresFromRaw(db!, scope, quarter, "indexed"), options.runs, budget),
    await time("12-month trend (raw indexed)", () => monthlyTrendFromRaw(db!, scope, months, "indexed"), options.runs, budget),
  ];

  // The rollups must give exactly the raw figures.
  const equal = rollup.map((timing, index) => isDeepStrictEqual(timing.result, raw[index]!.result));
  const indexedEqual = indexed.every((timing, index) => isDeepStrictEqual(timing.result, rollup[index + 1]!.result));
  started = performance.now();
  const differences = await rollupDifferences(db);
  const checkSeconds = (performance.now() - started) / 1000;

  console.log("");
  const rows: string[][] = [["query", "rollup p50", "rollup p95", "raw p50", "raw p95", "speed-up (p95)", "equal", "< 100 ms", "≥ 100×"]];
  let allHold = true;
  for (const [index, label] of ["IKM per element", "per-officer table", "12-month trend"].entries()) {
    const r = rollup[index]!.runs;
    const s = raw[index]!.runs;
    const p95 = quantile(r, 0.95);
    const speedup = quantile(s, 0.95) / p95;
    const fast = p95 < TARGET_P95_MS;
    const enough = speedup >= TARGET_SPEEDUP;
    allHold &&= fast && enough && equal[index]!;
    rows.push([label, `${quantile(r, 0.5).toFixed(1)} ms`, `${p95.toFixed(1)} ms`, `${fmt(quantile(s, 0.5), 0)} ms`, `${fmt(quantile(s, 0.95), 0)} ms`, `${fmt(speedup, 0)}×`, equal[index] ? "yes" : "NO", fast ? "holds" : "MISSED", enough ? "holds" : "MISSED"]);
  }
  printTable(rows);
  for (const [index, label] of ["per-officer table", "12-month trend"].entries()) {
    const p95 = quantile(indexed[index]!.runs, 0.95);
    console.log(`  ${label}, raw with the (unit_id, submitted_at) index: p50 ${fmt(quantile(indexed[index]!.runs, 0.5), 1)} ms, p95 ${fmt(p95, 1)} ms = ${fmt(p95 / quantile(rollup[index + 1]!.runs, 0.95), 1)}× the rollup's p95`);
  }
  console.log(`  indexed raw results equal the rollups: ${indexedEqual ? "yes" : "NO"}`);
  console.log(`rollupDifferences over the whole table (${checkSeconds.toFixed(1)} s): ${differences.length === 0 ? "none, rollups equal the raw table" : `${differences.length} differences, e.g. ${JSON.stringify(differences.slice(0, 3))}`}`);
  console.log(`Seeding: ${fmt(options.ratings)} ratings in ${seedSeconds.toFixed(1)} s (${fmt(options.ratings / seedSeconds)} rows/s); database ${mb(sizes.db)}`);
  console.log(`Targets (p95 < ${TARGET_P95_MS} ms, ≥ ${TARGET_SPEEDUP}× raw, rollup = raw): ${allHold && differences.length === 0 ? "ALL HOLD" : "NOT ALL HOLD"}`);
  console.log(`Machine at the end: ${await machineNote()}`);
  if (!equal.every(Boolean) || !indexedEqual || differences.length > 0) process.exitCode = 1;
} finally {
  await db?.destroy().catch(() => {});
  await database?.stop().catch(() => {});
}
