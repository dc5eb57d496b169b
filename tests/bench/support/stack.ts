// A throwaway PostgreSQL (tests/support/postgres.ts) and the portal's production build on loopback, for benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { adminQuery, databaseUrl, startTestPostgres, type TestPostgres } from "../../support/postgres";
import { freePort } from "./common";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const BUILD_DIR = process.env.SUARA_BUILD_DIR ?? "build-bench";

export interface BenchDatabase {
  postgres: TestPostgres;
  adminUrl: string;
  url: string;
  /** Another database on the same cluster, e.g. for scratch tables. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a throwaway cluster and creates one empty database in it. */
/** A throwaway PostgreSQL with its default durability (fsync, synchronous commits), as a deployment runs it. */
export async function startBenchDatabase(name = "suara_bench"): Promise<BenchDatabase> {
  const postgres = await startTestPostgres({ durable: true });
  const createDatabase = async (database: string) => {
    await adminQuery(postgres.adminUrl, `drop database if exists ${database} with (force)`);
    await adminQuery(postgres.adminUrl, `create database ${database}`);
    return databaseUrl(postgres.adminUrl, database);
  };
  const url = await createDatabase(name);
  return { postgres, adminUrl: postgres.adminUrl, url, createDatabase, stop: () => postgres.stop() };
}

export interface ChildServer {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs `node <script>` (TypeScript through `--import tsx`, compiled .js as it is) and waits until it prints
 * `readyLine`. Its output is kept (last 8 KB) so a
 * failure to start can say why.
 */
export async function startChild(script: string, env: Record<string, string>, readyLine: RegExp, timeoutMs: number, nodeArgs: string[] = []): Promise<ChildServer> {
  const port = Number(env.PORT);
  const loader = script.endsWith(".ts") ? ["--import", "tsx"] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_192);
  };
  child.stderr!.on("data", keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not start within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.stdout!.on("data", (chunk: Buffer) => {
      keep(chunk);
      if (readyLine.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${output}`));
    });
  });
  child.removeAllListeners("exit");
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The production build's compiled server (SUARA_BUILD_DIR, default build-bench), seeding the demo on first start. */
export async function startPortal(databaseUrlValue: string, extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ChildServer> {
  if (!existsSync(path.join(ROOT, BUILD_DIR, "server/main.js"))) {
    throw new Error(`No production build in ${BUILD_DIR}/: run \`SUARA_BUILD_DIR=${BUILD_DIR} npm run build\` first`);
  }
  const port = await freePort();
  return startChild(
    path.join(BUILD_DIR, "server/main.js"),
    {
      SUARA_DEMO: "1",
      SUARA_BUILD_DIR: BUILD_DIR,
      DATABASE_URL: databaseUrlValue,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      COOKIE_SECURE: "false",
      SESSION_SECRET: "bench-session-secret-0123456789abcdef",
      HASH_SALT: "bench-hash-salt-0123",
      ...extraEnv,
    },
    /Portal ready/,
    300_000,
    nodeArgs,
  );
}
