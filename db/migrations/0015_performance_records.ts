import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Per-agency rules of the performance record: how many days back an achievement may be logged, and how many
    -- days before 31 December an annual assessment may already be finalised (year-end grace; 0 = the last day).
    alter table agencies
      add column achievement_backdate_days integer not null default 7 check (achievement_backdate_days between 0 and 60),
      add column year_end_grace_days integer not null default 0 check (year_end_grace_days between 0 and 31);
  `.execute(db);
}
