import { sql } from "kysely";
import { createMigrator } from "../../db/migrate";
import { db } from "./db.server";

export type Readiness = { ready: true } | { ready: false; reason: "database_unreachable" } | { ready: false; reason: "migrations_pending"; pending: string[] };

/** For load balancers' readiness probes: the database answers and every migration this build knows is applied. */
export async function readiness(): Promise<Readiness> {
  try {
    await sql`select 1`.execute(db());
  } catch {
    return { ready: false, reason: "database_unreachable" };
  }
  try {
    const migrations = await createMigrator(db()).getMigrations();
    const pending = migrations.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
    return pending.length === 0 ? { ready: true } : { ready: false, reason: "migrations_pending", pending };
  } catch {
    return { ready: false, reason: "database_unreachable" };
  }
}
