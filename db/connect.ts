import pg from "pg";
import { CompiledQuery, Kysely, PostgresDialect } from "kysely";
import type { Database } from "./schema";

// Column values are converted here, in one place. int8 and numeric arrive as strings from pg: numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
// A DATE is a calendar day with no time zone: keep PostgreSQL's "YYYY-MM-DD" text (db/tables/columns.ts `IsoDate`)
// instead of pg's default, a Date at the process's local midnight, which shifts the day wherever TZ differs.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

const pools = new WeakMap<Kysely<Database>, pg.Pool>();

export function createDatabase(connectionString: string, poolSize = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5_000 });
  // The database can stop or restart under the portal (the embedded server before the pool, a failover, a crash):
  // a lost connection must not crash the process, idle in the pool or held between two statements. The statement
  // that next uses it fails (the caller answers "database unavailable"), and the pool drops the broken client.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/**
 * The pg pool behind a handle from createDatabase, for the few hot statements that run as named prepared
 * statements (Kysely sends every query unnamed). Undefined for a transaction's handle.
 */
export function poolOf(db: Kysely<Database>): pg.Pool | undefined {
  return pools.get(db);
}

export function describeConnection(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

/**
 * Runs a fixed SQL text as a named prepared statement (parsed and planned once per connection) when the handle
 * has a pool, and as a plain query otherwise (inside a transaction).
 */
export async function queryPrepared<Row>(db: Kysely<Database>, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const pool = pools.get(db);
  if (pool) return (await pool.query<Row & pg.QueryResultRow>({ name, text, values })).rows;
  return (await db.executeQuery<Row>(CompiledQuery.raw(text, values))).rows;
}
