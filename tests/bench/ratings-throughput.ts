// Rating submissions per second through the production build (issue 3), beside two ceilings measured in the same run:
// PostgreSQL's own single-row insert rate (pgbench) and a bare node:http server inserting one row per POST via pg.
//
//   SUARA_BUILD_DIR=build-bench npm run build        # once, or after app changes
//   npx tsx tests/bench/ratings-throughput.ts [--seconds 30] [--connections 32] [--warmup 5] [--pool 10]
//
// Every request is a distinct citizen: a fresh idempotency key, its own X-Forwarded-For address (the portal trusts
// the loopback proxy) and its own `sd` device cookie, so the per-device and per-IP limits refuse nothing while the
// portal keeps its default limits. A submission counts only when answered 201, which the portal sends after commit.
import pg from "pg";
import { fmt, freePort, machineNote, numberOptions, printTable, sleep } from "./support/common";
import { driveRatings, type CounterTarget, type LoadResult } from "./support/load";
import { cpuTimes, describeCpu, describeWaits, sampleWaits } from "./support/observe";
import { runPgbench, type PgbenchResult } from "./support/pgbench";
import { BUILD_DIR, startBenchDatabase, startChild, startPortal, type BenchDatabase, type ChildServer } from "./support/stack";

const options = numberOptions({ seconds: 30, connections: 32, warmup: 5, pool: 10 });
const TARGET_RATE = 1_500;
const TARGET_P99_MS = 100;
const TARGET_SHARE_OF_BARE = 0.4;

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function counterTargets(url: string): Promise<CounterTarget[]> {
  const rows = await query<{ code: string; services: number[]; officers: number[] }>(
    url,
    `select c.public_code as code,
       array(select cs.service_id from counter_services cs join services s on s.id = cs.service_id
             where cs.counter_id = c.id and s.active order by 1) as services,
       array(select distinct d.officer_id from duty_roster d join officers o on o.id = d.officer_id
             where d.counter_id = c.id and d.starts_at <= now() and d.ends_at > now() and o.active order by 1) as officers
     from counters c where c.retired_at is null order by c.id`,
  );
  return rows.filter((row) => row.services.length > 0);
}

/**
 * Requests cut off when a load phase stops may still be queued in the server and commit a little later; wait until
 * the table's row count has not moved for 1.5 s (at most 30 s) before counting.
 */
async function settledCount(url: string, table: string): Promise<number> {
  const deadline = Date.now() + 30_000;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const [{ n }] = (await query<{ n: number }>(url, `select count(*)::int as n from ${table}`)) as [{ n: number }];
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 1_500 || Date.now() > deadline) {
      return n;
    }
    await sleep(250);
  }
}

function describeLoad(name: string, result: LoadResult): void {
  const statuses = Object.entries(result.byStatus).map(([status, n]) => `${status}: ${fmt(n)}`).join(", ");
  console.log(
    `${name}: ${fmt(result.created)} stored (201) in ${result.seconds} s = ${fmt(result.ratePerSecond)}/s; ` +
      `latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
      `responses {${statuses}}; non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
}

/** Every acknowledged key is in the table, and rows stored without an answer are at most the in-flight requests. */
async function checkStored(url: string, table: string, result: LoadResult, rowsBefore: number): Promise<{ ok: boolean; line: string }> {
  const [{ acknowledged_stored }] = (await query<{ acknowledged_stored: number }>(
    url,
    `select count(*)::int as acknowledged_stored from ${table} where idempotency_key = any($1::uuid[])`,
    [result.createdKeys],
  )) as [{ acknowledged_stored: number }];
  const total = await settledCount(url, table);
  const delta = total - rowsBefore;
  const unanswered = delta - result.created;
  const ok = acknowledged_stored === result.created && result.createdKeys.length === result.created && unanswered >= 0 && unanswered <= options.connections;
  return {
    ok,
    line:
      `check ${table}: 201 answers ${fmt(result.created)}, their keys found stored ${fmt(acknowledged_stored)}, new rows ${fmt(delta)} ` +
      `(${unanswered} stored but unanswered when the load stopped mid-request, at most ${options.connections} allowed) → ${ok ? "OK" : "MISMATCH"}`,
  };
}

let database: BenchDatabase | undefined;
let portal: ChildServer | undefined;
let bare: ChildServer | undefined;
async function cleanUp() {
  await portal?.stop().catch(() => {});
  await bare?.stop().catch(() => {});
  await database?.stop().catch(() => {});
}
process.on("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

try {
  console.log(`Ratings throughput: ${options.connections} connections, ${options.seconds} s per run (+${options.warmup} s warm-up), build ${BUILD_DIR}/`);
  console.log(`Machine: ${await machineNote()}`);
  database = await startBenchDatabase("suara_bench");
  const [durability] = await query<{ fsync: string; synchronous_commit: string }>(database.adminUrl, "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit");
  console.log(`PostgreSQL durability: fsync ${durability!.fsync}, synchronous_commit ${durability!.synchronous_commit}`);
  let started = Date.now();
  portal = await startPortal(database.url, { DATABASE_POOL_SIZE: String(options.pool) });
  console.log(`Portal up on ${portal.url} (migrated and seeded the demo in ${((Date.now() - started) / 1000).toFixed(1)} s), pool ${options.pool}`);

  const counters = await counterTargets(database.url);
  const officerCount = counters.reduce((total, counter) => total + counter.officers.length, 0);
  console.log(`Targets: ${counters.length} counters, ${officerCount} counter-officer pairs on duty now (plus "unknown")`);

  // 1. The portal.
  if (options.warmup > 0) await driveRatings(portal.url, counters, { connections: options.connections, seconds: options.warmup });
  const appBefore = await settledCount(database.url, "ratings");
  const cpuBefore = cpuTimes(portal.child.pid);
  const waits = sampleWaits(database.adminUrl, "suara_bench");
  started = Date.now();
  const app = await driveRatings(portal.url, counters, { connections: options.connections, seconds: options.seconds });
  const appWall = (Date.now() - started) / 1000;
  const appCpu = describeCpu(cpuBefore, cpuTimes(portal.child.pid), appWall, app.requests);
  const appWaits = await waits.stop();
  describeLoad("app  ", app);
  console.log(`       portal process ${appCpu}`);
  console.log(`       PostgreSQL backends of the app's pool: ${describeWaits(appWaits)}`);
  const appStatus = await query<{ status: string; n: number }>(database.url, `select status, count(*)::int as n from ratings where idempotency_key = any($1::uuid[]) group by 1 order by 1`, [app.createdKeys]);
  console.log(`       stored as: ${appStatus.map((row) => `${row.status} ${fmt(row.n)}`).join(", ")} (flagged ratings are kept, by design)`);
  const appCheck = await checkStored(database.url, "ratings", app, appBefore);
  console.log(`       ${appCheck.line}`);
  await portal.stop();
  portal = undefined;

  // 2. Bare node:http + pg, same generator, same database cluster.
  const scratchUrl = await database.createDatabase("bench_scratch");
  bare = await startChild("tests/bench/support/bare-server.ts", { DATABASE_URL: scratchUrl, PORT: String(await freePort()), POOL_SIZE: String(options.pool) }, /Bare server ready/, 60_000);
  if (options.warmup > 0) await driveRatings(bare.url, counters, { connections: options.connections, seconds: options.warmup });
  const bareBefore = await settledCount(scratchUrl, "bench_bare");
  const bareCpuBefore = cpuTimes(bare.child.pid);
  started = Date.now();
  const bareResult = await driveRatings(bare.url, counters, { connections: options.connections, seconds: options.seconds });
  const bareWall = (Date.now() - started) / 1000;
  const bareCpu = describeCpu(bareCpuBefore, cpuTimes(bare.child.pid), bareWall, bareResult.requests);
  describeLoad("bare ", bareResult);
  console.log(`       bare server ${bareCpu}`);
  const bareCheck = await checkStored(scratchUrl, "bench_bare", bareResult, bareBefore);
  console.log(`       ${bareCheck.line}`);
  await bare.stop();
  bare = undefined;

  // 3. pgbench, one INSERT per transaction.
  let pgb: PgbenchResult | undefined;
  try {
    pgb = await runPgbench(scratchUrl, { clients: options.connections, seconds: options.seconds });
    console.log(`pgbench: ${fmt(pgb.tps)} inserts/s (${fmt(pgb.transactions)} in ${options.seconds} s, ${pgb.failed} failed); latency p50 ${pgb.latency.p50.toFixed(2)} ms, p99 ${pgb.latency.p99.toFixed(2)} ms`);
    console.log(`       ${pgb.command}`);
  } catch (error) {
    console.log(`pgbench: could not run (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }

  const ratio = app.ratePerSecond / bareResult.ratePerSecond;
  console.log("");
  printTable([
    ["", "stored/s", "p50 ms", "p99 ms", "errors", "non-2xx"],
    ["app (POST /api/ratings/<code>)", fmt(app.ratePerSecond), String(app.latency.p50), String(app.latency.p99), String(app.errors), String(app.non2xx)],
    ["bare node:http + pg", fmt(bareResult.ratePerSecond), String(bareResult.latency.p50), String(bareResult.latency.p99), String(bareResult.errors), String(bareResult.non2xx)],
    ["pgbench one INSERT", pgb ? fmt(pgb.tps) : "n/a", pgb ? pgb.latency.p50.toFixed(2) : "n/a", pgb ? pgb.latency.p99.toFixed(2) : "n/a", pgb ? String(pgb.failed) : "n/a", "-"],
  ]);
  console.log(`app / bare = ${(ratio * 100).toFixed(1)}%   app / pgbench = ${pgb ? ((app.ratePerSecond / pgb.tps) * 100).toFixed(1) + "%" : "n/a"}`);
  console.log("");
  const verdict = (ok: boolean) => (ok ? "HOLDS" : "MISSED");
  console.log(`target ≥ ${fmt(TARGET_RATE)} submissions/s: ${fmt(app.ratePerSecond)}/s → ${verdict(app.ratePerSecond >= TARGET_RATE)}`);
  console.log(`target p99 < ${TARGET_P99_MS} ms: ${app.latency.p99} ms → ${verdict(app.latency.p99 < TARGET_P99_MS)}`);
  console.log(`target ≥ ${TARGET_SHARE_OF_BARE * 100}% of bare Node: ${(ratio * 100).toFixed(1)}% → ${verdict(ratio >= TARGET_SHARE_OF_BARE)}`);
  console.log(`rows stored = submissions acknowledged: app ${appCheck.ok ? "OK" : "MISMATCH"}, bare ${bareCheck.ok ? "OK" : "MISMATCH"}`);
  console.log(`Machine at the end: ${await machineNote()}`);
  if (!appCheck.ok || !bareCheck.ok) process.exitCode = 1;
} finally {
  await cleanUp();
}
