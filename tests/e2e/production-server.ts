// A real production start for end-to-end tests that need one of their own: the compiled server (as `npm start`
// runs it) on a fresh, empty database, no demo data, with its console kept so a test can read the set-up link.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { adminQuery, databaseUrl, startTestPostgres, type TestPostgres } from "../support/postgres";

export const PRODUCTION_SECRETS = {
  SESSION_SECRET: "production-test-session-secret-0123456789abcdef",
  HASH_SALT: "production-test-salt-0123",
  AUDIT_KEY: "production-test-audit-key-0123456789abcdef",
};

export function compiledServer(): string {
  const file = path.resolve(process.env.SUARA_BUILD_DIR ?? "build", "server/main.js");
  if (!existsSync(file)) throw new Error(`No compiled server at ${file}: run \`npm run build\` first`);
  return file;
}

export interface ProductionServer {
  url: string;
  databaseUrl: string;
  child: ChildProcess;
  /** Everything the process printed on stdout so far, one entry per line. */
  lines(): string[];
  /** The one-time set-up link from the console. */
  setupUrl(): string;
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  /** SIGTERM, and the exit code once the process is gone. */
  stop(): Promise<number | null>;
}

let postgres: TestPostgres | undefined;

/** Starts the compiled server in production mode on `port`, on a new empty database; waits until it is ready. */
export async function startProductionServer(port: number, env: Record<string, string> = {}): Promise<ProductionServer> {
  postgres ??= await startTestPostgres();
  const name = `suara_prod_${randomBytes(4).toString("hex")}`;
  await adminQuery(postgres.adminUrl, `create database ${name}`);
  const url = databaseUrl(postgres.adminUrl, name);
  const child = spawn(process.execPath, [compiledServer()], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1", ...PRODUCTION_SECRETS, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Never left behind, even when a test times out while it starts.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  let output = "";
  let errors = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const lines = () => output.split("\n").filter((line) => line.trim() !== "");
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in 60 s:\n${output}\n${errors}`)), 60_000);
    const check = () => {
      if (/Portal ready/.test(output)) {
        clearTimeout(timer);
        child.stdout!.off("data", check);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", function exitedEarly(code) {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code} before it was ready:\n${output}\n${errors}`));
    });
  }).catch((error: unknown) => {
    child.kill("SIGKILL");
    throw error;
  });
  for (const listener of child.listeners("exit")) if ((listener as { name?: string }).name === "exitedEarly") child.off("exit", listener as () => void);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    url: `http://localhost:${port}`,
    databaseUrl: url,
    child,
    lines,
    setupUrl() {
      for (const line of lines()) {
        const match = /"setupUrl":"([^"]+)"/.exec(line);
        if (match) return match[1]!;
      }
      throw new Error(`No set-up link on the console:\n${output}`);
    },
    async query(text, values = []) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Runs the compiled server with the given environment and returns its exit code and output (for refusals). */
export async function runProductionServer(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [compiledServer()], { env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (value) => resolve(value)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

export async function stopProductionPostgres(): Promise<void> {
  await postgres?.stop();
  postgres = undefined;
}
