import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The supervisor's own words in a unit's SKM report (DOMAIN.md §1.5): recommendations for the period, and the
    -- follow-up of the previous period's recommendations. The figures themselves are always computed afresh.
    create table skm_reports (
      id integer generated always as identity primary key,
      unit_id integer not null references units(id),
      period_from date not null,
      period_to date not null,
      recommendations text not null default '' check (char_length(recommendations) <= 5000),
      previous_follow_up text not null default '' check (char_length(previous_follow_up) <= 5000),
      updated_by integer not null references users(id),
      updated_at timestamptz not null default now(),
      check (period_from <= period_to),
      unique (unit_id, period_from, period_to)
    );
  `.execute(db);
}
