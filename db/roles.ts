/* eslint-disable @typescript-eslint/no-explicit-any -- the grants work on any schema */
import { sql, type Kysely } from "kysely";

// Two database roles. The owner role owns every table and runs the migrations (DATABASE_OWNER_URL); the portal
// connects with a role that owns nothing (DATABASE_URL) and holds only what the portal needs: it reads and writes
// rows, but cannot alter, drop or truncate a table, disable a trigger, or change a row of the append-only tables.
// The grants are written again after every migration, so a new table is covered the day it lands.

/** Tables whose rows are never changed once written (a trigger refuses too): the portal may only add and read. */
export const APPEND_ONLY_TABLES = ["audit_log", "complaint_events"] as const;

/** The migrator's own tables: the portal reads them, never writes. */
const MIGRATION_TABLES = ["kysely_migration", "kysely_migration_lock"];

/** A role name as PostgreSQL prints it (letters, digits, underscore); anything else is refused. */
export function roleName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new RangeError(`not a plain role name: ${name}`);
  return name;
}

/** The role a connection URL signs in as. */
export function roleOfUrl(connectionString: string): string {
  return roleName(decodeURIComponent(new URL(connectionString).username));
}

/** Gives the portal's role its rights on every table of the schema (run by the owner, after migrating). */
export async function grantPortalRole(owner: Kysely<any>, role: string): Promise<void> {
  const portal = sql.id(roleName(role));
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(owner);
  await sql`grant usage on schema public to ${portal}`.execute(owner);
  for (const { name } of tables.rows) {
    const table = sql.id("public", name);
    await sql`revoke all on ${table} from ${portal}`.execute(owner);
    if (MIGRATION_TABLES.includes(name)) await sql`grant select on ${table} to ${portal}`.execute(owner);
    else if ((APPEND_ONLY_TABLES as readonly string[]).includes(name)) await sql`grant select, insert on ${table} to ${portal}`.execute(owner);
    else await sql`grant select, insert, update, delete on ${table} to ${portal}`.execute(owner);
  }
  await sql`grant usage, select on all sequences in schema public to ${portal}`.execute(owner);
}

/** Creates the portal's login role if it does not exist (the embedded demo server, whose owner may create roles). */
export async function ensureLoginRole(owner: Kysely<any>, role: string, password: string): Promise<void> {
  const name = roleName(role);
  const exists = await sql<{ one: number }>`select 1 as one from pg_roles where rolname = ${name}`.execute(owner);
  if (exists.rows.length === 0) await sql`create role ${sql.id(name)} login password ${sql.lit(password)}`.execute(owner);
}

/**
 * What is wrong with the role a connection signs in as, for the portal: null when it owns no table and is no
 * superuser, else a sentence naming the role.
 */
export async function portalRoleProblem(db: Kysely<any>): Promise<string | null> {
  const row = await sql<{ role: string; superuser: boolean; owned: number }>`
    select current_user as role, r.rolsuper as superuser,
      (select count(*)::int from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owned
    from pg_roles r where r.rolname = current_user`.execute(db);
  const { role, superuser, owned } = row.rows[0]!;
  if (superuser) return `the database role '${role}' (DATABASE_URL) is a superuser`;
  if (owned > 0) return `the database role '${role}' (DATABASE_URL) owns ${owned} table(s)`;
  return null;
}
