import { sql, type Kysely } from "kysely";

// The recommendations of a unit's SKM report as records (DOMAIN.md §1.5): each one names the element it
// addresses, the action, who is responsible (a position or section) and a due date, and moves from planned to in
// progress to done, each change with a dated note. Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table skm_recommendations (
      id integer generated always as identity primary key,
      unit_id integer not null references units(id),
      service_id integer references services(id),
      period_from date not null,
      period_to date not null,
      element text not null check (element in ('U1','U2','U3','U4','U5','U6','U7','U8','U9')),
      action text not null check (char_length(action) between 1 and 1000),
      responsible text not null check (char_length(responsible) between 1 and 200),
      due_on date not null,
      status text not null default 'planned' check (status in ('planned','in_progress','done')),
      created_by integer not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (period_from <= period_to),
      check (due_on >= period_from)
    );
    create index skm_recommendations_unit_period_idx on skm_recommendations (unit_id, period_from, period_to);

    -- Every status change (or progress note) with the day it happened: the public "what we did" line.
    create table skm_recommendation_updates (
      id integer generated always as identity primary key,
      recommendation_id integer not null references skm_recommendations(id),
      status_from text not null check (status_from in ('planned','in_progress','done')),
      status_to text not null check (status_to in ('planned','in_progress','done')),
      noted_on date not null,
      note text not null check (char_length(note) between 1 and 1000),
      evidence text not null default '' check (char_length(evidence) <= 500),
      created_by integer not null references users(id),
      created_at timestamptz not null default now()
    );
    create index skm_recommendation_updates_recommendation_idx on skm_recommendation_updates (recommendation_id, id);
  `.execute(db);
}
