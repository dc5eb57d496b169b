import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import type { Logger } from "pino";
import { ConfigurationError, parseEnv, productionStartProblem, type Env } from "../app/platform/env.server";
import { issueSetupLink } from "../app/data/installation.server";
import { createDatabase, describeConnection } from "../db/connect";
import type { EmbeddedServer } from "../db/cli/embedded";
import { migrateToLatest } from "../db/migrate";
import { ensureLoginRole, grantPortalRole, portalRoleProblem, roleOfUrl } from "../db/roles";
import type { Database } from "../db/schema";

export interface Started {
  env: Env;
  shutdown(): Promise<void>;
}

/**
 * Everything the portal needs before it serves: settings, database, schema, and either the demo data (demo only)
 * or, on a database without an administrator, the one-time set-up link.
 */
export async function bootstrap(log: Logger): Promise<Started> {
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) fail(log, error.message);
    throw error;
  }
  const problem = productionStartProblem(env);
  if (problem) fail(log, problem);

  let embedded: EmbeddedServer | undefined;
  if (!env.DATABASE_URL) {
    try {
      const { startEmbeddedPostgres } = await import("../db/cli/embedded");
      embedded = await startEmbeddedPostgres(env.DATA_DIR, env.EMBEDDED_PG_PORT);
    } catch (error) {
      fail(log, `Could not start the embedded PostgreSQL in ${env.DATA_DIR}/postgres: ${firstLine(error)}`);
    }
    log.info(`Embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT}, data in ${env.DATA_DIR}/postgres`);
  }
  // The owner migrates; the portal then connects with its own role, which owns no table (db/roles.ts). The
  // embedded server makes that role itself; a real server's administrator creates it (README, Security).
  const ownerUrl = embedded?.connectionString ?? env.DATABASE_OWNER_URL ?? env.DATABASE_URL!;
  const portalUrl = embedded?.portal.connectionString ?? env.DATABASE_URL!;
  const separateOwner = ownerUrl !== portalUrl;
  // Generated secrets are for one machine without configuration: the demo and development, never production.
  if (env.SUARA_DEMO || env.NODE_ENV !== "production") provideLocalSecrets(env);

  const variable = env.DATABASE_OWNER_URL ? "DATABASE_OWNER_URL" : "DATABASE_URL";
  const db = createDatabase(ownerUrl, 2);
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    await embedded?.stop();
    fail(log, `Cannot reach the database at ${describeConnection(ownerUrl)} (${variable}): ${firstLine(error)}`);
  }
  try {
    await prepareDatabase(db, {
      demo: env.SUARA_DEMO,
      log,
      setupBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`,
      now: new Date(),
      portal: embedded ? { role: embedded.portal.role, password: embedded.portal.password } : separateOwner ? { role: roleOfUrl(portalUrl) } : undefined,
    });
  } catch (error) {
    await db.destroy();
    await embedded?.stop();
    fail(log, firstLine(error));
  } finally {
    await db.destroy();
  }
  process.env.DATABASE_URL = portalUrl;
  const portal = createDatabase(portalUrl, 1);
  try {
    const problem = await portalRoleProblem(portal);
    if (problem) {
      log.warn(`Security: ${problem}, so the portal could disable the audit log's append-only triggers. Set DATABASE_OWNER_URL to the owner for migrations and DATABASE_URL to a role that owns nothing (README, Security).`);
    }
  } catch (error) {
    await embedded?.stop();
    fail(log, `Cannot reach the database at ${describeConnection(portalUrl)} (DATABASE_URL): ${firstLine(error)}`);
  } finally {
    await portal.destroy();
  }

  return {
    env: parseEnv(process.env),
    async shutdown() {
      await embedded?.stop();
    },
  };
}

export interface PrepareOptions {
  demo: boolean;
  /** The portal's own role, given its rights after migrating (and created first when a password is given). */
  portal?: { role: string; password?: string };
  log: Pick<Logger, "info" | "warn">;
  setupBaseUrl: string;
  now: Date;
}

/**
 * Migrates, then writes the demo data (demo only) or prints the set-up link (no administrator yet). Several
 * processes starting at once take turns under one advisory lock, so each step happens once.
 */
export async function prepareDatabase(db: Kysely<Database>, options: PrepareOptions): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext('suara:prepare-database'))`.execute(connection);
    try {
      const { results } = await migrateToLatest(connection);
      const applied = results?.filter((result) => result.status === "Success").length ?? 0;
      if (applied > 0) options.log.info(`Applied ${applied} migration(s)`);
      if (options.demo) {
        const { seedDemo } = await import("../db/seed/demo");
        if (await seedDemo(connection, { onlyIfEmpty: true })) options.log.info("Database was empty: demo data written");
      }
      if (options.portal) {
        if (options.portal.password) await ensureLoginRole(connection, options.portal.role, options.portal.password);
        await grantPortalRole(connection, options.portal.role);
      }
      const link = await issueSetupLink(connection, options.now);
      if (link.kind === "issued") {
        const url = `${options.setupBaseUrl.replace(/\/+$/, "")}/penyiapan/${link.token}`;
        options.log.warn(
          { setupUrl: url, expiresAt: link.expiresAt.toISOString() },
          `No administrator yet. Open ${url} to name the agency and create the first administrator; the link works once, for 24 hours, and is shown only now (a restart prints a new one).`,
        );
      } else if (link.kind === "recently_issued") {
        options.log.info(`No administrator yet: another process printed the set-up link at ${link.at.toISOString()} (a start 30 seconds later prints a new one)`);
      }
    } finally {
      await sql`select pg_advisory_unlock(hashtext('suara:prepare-database'))`.execute(connection);
    }
  });
}

/**
 * Without SESSION_SECRET, HASH_SALT or AUDIT_KEY a single machine keeps generated ones in the data folder, so
 * the demo needs no configuration; a production start refuses to run without them.
 */
function provideLocalSecrets(env: Env): void {
  if (env.SESSION_SECRET && env.HASH_SALT && env.AUDIT_KEY) return;
  const file = path.join(env.DATA_DIR, "local-secrets.json");
  let secrets: { SESSION_SECRET: string; HASH_SALT: string; AUDIT_KEY?: string };
  if (existsSync(file)) {
    secrets = JSON.parse(readFileSync(file, "utf8"));
  } else {
    secrets = { SESSION_SECRET: randomBytes(32).toString("hex"), HASH_SALT: randomBytes(16).toString("hex") };
    mkdirSync(env.DATA_DIR, { recursive: true });
  }
  // The audit key came later than the other two: added to an existing file once.
  if (!secrets.AUDIT_KEY) {
    secrets.AUDIT_KEY = randomBytes(32).toString("hex");
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  process.env.SESSION_SECRET ??= secrets.SESSION_SECRET;
  process.env.HASH_SALT ??= secrets.HASH_SALT;
  process.env.AUDIT_KEY ??= secrets.AUDIT_KEY;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return message.split("\n")[0] ?? message;
}

/** Stops the start with one plain line on stderr, for the person at the console. */
function fail(_log: Logger, line: string): never {
  console.error(line);
  process.exit(1);
}
