import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table agencies (
      id integer generated always as identity primary key,
      slug text not null unique,
      name text not null,
      province text not null,
      time_zone text not null default 'Asia/Jakarta',
      created_at timestamptz not null default now()
    );

    -- A unit's path is the chain of ids from the root ('/3/17/42/'), so a scope on a unit
    -- covers its subtree with one indexed prefix match.
    create table units (
      id integer generated always as identity primary key,
      agency_id integer not null references agencies(id),
      parent_id integer references units(id),
      path text not null default '',
      kind text not null check (kind in ('pemda','dinas','badan','kecamatan','kelurahan','puskesmas','rsud','kantor','lainnya')),
      name text not null,
      slug text not null,
      address text,
      created_at timestamptz not null default now(),
      unique (agency_id, slug)
    );
    create index units_path_idx on units (path text_pattern_ops);
    create index units_parent_idx on units (parent_id);

    create table services (
      id integer generated always as identity primary key,
      unit_id integer not null references units(id),
      name text not null,
      requirements text not null,
      procedure text not null,
      completion_days integer not null check (completion_days >= 0),
      fee_rupiah bigint not null default 0 check (fee_rupiah >= 0),
      product text not null,
      complaint_channel text not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      unique (unit_id, name)
    );

    create table counters (
      id integer generated always as identity primary key,
      unit_id integer not null references units(id),
      name text not null,
      public_code text not null unique check (public_code ~ '^[a-z0-9]{6,16}$'),
      retired_at timestamptz,
      created_at timestamptz not null default now(),
      unique (unit_id, name)
    );

    create table counter_services (
      counter_id integer not null references counters(id),
      service_id integer not null references services(id),
      primary key (counter_id, service_id)
    );

    create table officers (
      id integer generated always as identity primary key,
      agency_id integer not null references agencies(id),
      unit_id integer not null references units(id),
      nip char(18) not null unique check (nip ~ '^[0-9]{18}$'),
      name text not null,
      position text not null,
      rank text not null,
      supervisor_id integer references officers(id),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      check (supervisor_id is null or supervisor_id <> id)
    );
    create index officers_unit_idx on officers (unit_id);
    create index officers_supervisor_idx on officers (supervisor_id);

    create table duty_roster (
      id integer generated always as identity primary key,
      officer_id integer not null references officers(id),
      counter_id integer not null references counters(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      check (ends_at > starts_at)
    );
    create index duty_roster_counter_idx on duty_roster (counter_id, starts_at, ends_at);

    create table users (
      id integer generated always as identity primary key,
      username text unique check (username ~ '^[a-z0-9._-]{3,40}$'),
      officer_id integer unique references officers(id),
      display_name text not null,
      password_hash text not null,
      failed_attempts integer not null default 0,
      locked_until timestamptz,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      check (username is not null or officer_id is not null)
    );

    create table user_roles (
      id integer generated always as identity primary key,
      user_id integer not null references users(id),
      role text not null check (role in ('admin','supervisor','officer','moderator','complaint_handler')),
      unit_id integer not null references units(id),
      created_at timestamptz not null default now(),
      unique (user_id, role, unit_id)
    );

    create table sessions (
      id text primary key,
      user_id integer not null references users(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);

    -- Append-only: every row carries the hash of the one before it, so an edit or a deletion shows.
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id integer references users(id),
      action text not null,
      subject_type text not null,
      subject_id text not null,
      before jsonb,
      after jsonb,
      prev_hash text not null,
      hash text not null unique
    );
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each statement execute function audit_log_is_append_only();
  `.execute(db);
}
