import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
// An agency's own organisation: codes that its spreadsheets use, retirement that keeps history, the published
// service standard's population, weekly duty patterns with single-day exceptions, and the history of imports.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table units drop constraint units_kind_check;
    alter table units add constraint units_kind_check check (kind in
      ('pemda','sekretariat','dinas','badan','kecamatan','kelurahan','desa','puskesmas','rsud','sekolah','kantor','lainnya'));
    alter table units add column code text, add column retired_at timestamptz;
    create unique index units_agency_code_idx on units (agency_id, lower(code)) where code is not null;

    alter table services add column code text, add column users_per_year integer check (users_per_year is null or users_per_year > 0);
    create unique index services_unit_code_idx on services (unit_id, lower(code)) where code is not null;

    alter table counters add column code text;
    create unique index counters_unit_code_idx on counters (unit_id, lower(code)) where code is not null;

    -- A regenerated public code leaves its old one here, so a poster still on the wall says the counter moved.
    create table counter_old_codes (
      public_code text primary key,
      counter_id integer not null references counters(id),
      replaced_at timestamptz not null default now()
    );

    alter table officers add column email text, add column retired_at timestamptz;

    -- A counter's weekly duty: which officer, which ISO weekdays (1 = Monday), from and to what local time,
    -- over which dates. duty_roster keeps the concrete shifts, generated from these and the exceptions.
    create table duty_patterns (
      id integer generated always as identity primary key,
      counter_id integer not null references counters(id),
      officer_id integer not null references officers(id),
      weekdays smallint[] not null check (cardinality(weekdays) between 1 and 7 and weekdays <@ array[1,2,3,4,5,6,7]::smallint[]),
      starts time not null,
      ends time not null,
      valid_from date not null,
      valid_to date not null,
      created_at timestamptz not null default now(),
      check (ends > starts),
      check (valid_to >= valid_from)
    );
    create index duty_patterns_counter_idx on duty_patterns (counter_id);
    create index duty_patterns_officer_idx on duty_patterns (officer_id);

    -- One day's change to a counter's duty: an officer away (leave) and/or another on duty (a swap or an extra shift).
    create table duty_exceptions (
      id integer generated always as identity primary key,
      counter_id integer not null references counters(id),
      on_date date not null,
      absent_officer_id integer references officers(id),
      replacement_officer_id integer references officers(id),
      starts time,
      ends time,
      note text not null default '',
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      check (absent_officer_id is not null or replacement_officer_id is not null),
      check (replacement_officer_id is null or (starts is not null and ends is not null and ends > starts))
    );
    create index duty_exceptions_counter_idx on duty_exceptions (counter_id, on_date);

    alter table duty_roster
      add column pattern_id integer references duty_patterns(id) on delete cascade,
      add column exception_id integer references duty_exceptions(id) on delete cascade;
    create index duty_roster_officer_idx on duty_roster (officer_id, starts_at);

    -- Each bulk import of an organisation, with what it changed.
    create table organisation_imports (
      id integer generated always as identity primary key,
      agency_id integer not null references agencies(id),
      actor_user_id integer references users(id),
      source text not null,
      summary jsonb not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}
