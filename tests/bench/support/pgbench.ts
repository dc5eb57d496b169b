// PostgreSQL's own single-row insert rate: pgbench with a one-INSERT custom script into a scratch table.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { quantile } from "./common";

export interface PgbenchResult {
  tps: number;
  transactions: number;
  failed: number;
  latency: { p50: number; p99: number; mean: number };
  command: string;
}

export function pgbenchBinary(): string {
  if (process.env.PGBENCH) return process.env.PGBENCH;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(root, version, "bin", "pgbench");
    if (existsSync(candidate)) return candidate;
  }
  return "pgbench";
}

const SCRIPT = `\\set c random(1, 40)
\\set s random(1, 80)
\\set o random(1, 200)
\\set q random(1, 4)
insert into bench_pgbench (idempotency_key, counter_id, service_id, officer_id, quick_score) values (gen_random_uuid(), :c, :s, :o, :q);
`;

/** Runs pgbench for `seconds` at `clients`, logging every transaction so p50/p99 can be computed. */
export async function runPgbench(url: string, options: { clients: number; seconds: number; threads?: number }): Promise<PgbenchResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop table if exists bench_pgbench`);
    await client.query(`
      create table bench_pgbench (
        id bigint generated always as identity primary key,
        idempotency_key uuid not null unique,
        counter_id integer not null,
        service_id integer not null,
        officer_id integer,
        quick_score smallint not null check (quick_score between 1 and 4),
        submitted_at timestamptz not null default now()
      )`);
  } finally {
    await client.end();
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "suara-pgbench-"));
  try {
    const scriptFile = path.join(dir, "insert.sql");
    writeFileSync(scriptFile, SCRIPT);
    const target = new URL(url);
    const args = [
      "-n", "-M", "prepared",
      "-c", String(options.clients), "-j", String(options.threads ?? Math.min(options.clients, os.cpus().length)),
      "-T", String(options.seconds), "-f", scriptFile,
      "-l", "--log-prefix", path.join(dir, "log"),
      "-h", target.hostname, "-p", target.port, "-U", decodeURIComponent(target.username || "postgres"), target.pathname.slice(1),
    ];
    const binary = pgbenchBinary();
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(binary, args, { timeout: (options.seconds + 60) * 1000, maxBuffer: 1 << 20 }, (error, out, err) =>
        error ? reject(new Error(`pgbench failed: ${error.message}\n${err}`)) : resolve(out + err),
      );
    });
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? /tps = ([\d.]+)/.exec(stdout)?.[1]);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    // Per-transaction log lines: client_id transaction_no latency_us script_no epoch epoch_us
    const latencies: number[] = [];
    for (const file of readdirSync(dir).filter((name) => name.startsWith("log"))) {
      for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
        const field = line.split(" ")[2];
        if (field) latencies.push(Number(field) / 1000);
      }
    }
    const mean = latencies.reduce((total, value) => total + value, 0) / Math.max(1, latencies.length);
    return {
      tps,
      transactions,
      failed,
      latency: { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), mean },
      command: `${binary} ${args.map((arg) => (arg.startsWith(dir) ? arg.replace(dir, "<tmp>") : arg)).join(" ")}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
