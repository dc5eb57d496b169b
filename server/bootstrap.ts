import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { ConfigurationError, parseEnv, type Env } from "../app/platform/env.server";
import { createDatabase, describeConnection } from "../db/connect";
import { startEmbeddedPostgres, type EmbeddedServer } from "../db/cli/embedded";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed/demo";

export interface Started {
  env: Env;
  shutdown(): Promise<void>;
}

/** Everything the portal needs before it serves: settings, database, schema, demo data. */
export async function bootstrap(log: (line: string) => void): Promise<Started> {
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) fail(error.message);
    throw error;
  }

  let embedded: EmbeddedServer | undefined;
  if (!env.DATABASE_URL) {
    try {
      embedded = await startEmbeddedPostgres(env.DATA_DIR, env.EMBEDDED_PG_PORT);
    } catch (error) {
      fail(`Could not start the embedded PostgreSQL in ${env.DATA_DIR}/postgres: ${firstLine(error)}`);
    }
    process.env.DATABASE_URL = embedded.connectionString;
    log(`Embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT}, data in ${env.DATA_DIR}/postgres`);
  }
  const connectionString = process.env.DATABASE_URL!;
  provideLocalSecrets(env);

  const db = createDatabase(connectionString, 2);
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await embedded?.stop();
    fail(`Cannot reach the database at ${describeConnection(connectionString)} (DATABASE_URL): ${firstLine(error)}`);
  }
  try {
    const { results } = await migrateToLatest(db);
    const applied = results?.filter((r) => r.status === "Success").length ?? 0;
    if (applied > 0) log(`Applied ${applied} migration(s)`);
    if (env.SEED_ON_EMPTY) {
      const seeded = await seedDemo(db, { onlyIfEmpty: true });
      if (seeded) log("Database was empty: demo data written");
    }
  } finally {
    await db.destroy();
  }

  return {
    env: parseEnv(process.env),
    async shutdown() {
      await embedded?.stop();
    },
  };
}

/**
 * Without SESSION_SECRET, HASH_SALT or AUDIT_KEY a single machine keeps generated ones in the data folder, so a
 * newcomer needs no configuration; several processes behind a load balancer must set them.
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

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}
