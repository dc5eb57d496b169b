import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rating_imports (
      id integer generated always as identity primary key,
      agency_id integer not null references agencies(id),
      counter_id integer not null references counters(id),
      service_id integer not null references services(id),
      period_from date not null,
      period_to date not null,
      file_name text not null,
      status text not null default 'preview' check (status in ('preview','imported','undone')),
      rows jsonb not null,
      bad_rows jsonb not null,
      created_by integer not null references users(id),
      created_at timestamptz not null default now(),
      imported_at timestamptz,
      undone_at timestamptz
    );

    -- One row per citizen's rating. No name, phone, national ID or raw IP: only salted hashes for abuse control.
    create table ratings (
      id bigint generated always as identity primary key,
      agency_id integer not null references agencies(id),
      unit_id integer not null references units(id),
      counter_id integer not null references counters(id),
      service_id integer not null references services(id),
      officer_id integer references officers(id),
      submitted_at timestamptz not null default now(),
      channel text not null check (channel in ('qr','kiosk','web','paper')),
      kind text not null check (kind in ('quick','full')),
      quick_score smallint check (quick_score between 1 and 4),
      u1 smallint check (u1 between 1 and 4), u2 smallint check (u2 between 1 and 4),
      u3 smallint check (u3 between 1 and 4), u4 smallint check (u4 between 1 and 4),
      u5 smallint check (u5 between 1 and 4), u6 smallint check (u6 between 1 and 4),
      u7 smallint check (u7 between 1 and 4), u8 smallint check (u8 between 1 and 4),
      u9 smallint check (u9 between 1 and 4),
      sex text check (sex in ('male','female')),
      age_band text check (age_band in ('lt20','20_29','30_39','40_49','50_59','60plus')),
      education text check (education in ('sd','smp','sma','d1_d3','d4_s1','s2','s3')),
      occupation text check (occupation in ('pns','tni','polri','swasta','wirausaha','pelajar','lainnya')),
      comment text check (char_length(comment) <= 1000),
      verified boolean not null default false,
      status text not null default 'valid' check (status in ('valid','flagged','excluded')),
      flag_reasons text[] not null default '{}',
      status_reason text,
      -- An upheld contest removes the rating from the officer's figures, not from the unit's.
      officer_attribution_removed boolean not null default false,
      idempotency_key uuid not null unique,
      content_hash text not null,
      device_hash text,
      ip_hash text,
      import_id integer references rating_imports(id),
      upgraded_at timestamptz,
      check (kind <> 'quick' or quick_score is not null)
    );
    create index ratings_counter_time_idx on ratings (counter_id, submitted_at desc);
    create index ratings_officer_time_idx on ratings (officer_id, submitted_at desc) where officer_id is not null;
    create index ratings_unit_time_idx on ratings (unit_id, submitted_at);
    create index ratings_flagged_idx on ratings (unit_id) where status = 'flagged';
    create index ratings_import_idx on ratings (import_id) where import_id is not null;

    -- Daily sums per counter, service, officer and status: the indicators read these, never the raw table.
    -- A trigger keeps them in step with every insert, update and delete of ratings.
    create table rating_daily (
      day date not null,
      agency_id integer not null,
      unit_id integer not null,
      counter_id integer not null,
      service_id integer not null,
      officer_id integer not null,          -- 0 when the citizen did not know the officer
      attributed boolean not null,          -- counts for the officer (named and not removed by a contest)
      verified boolean not null,
      status text not null,
      n integer not null default 0,
      quick_n integer not null default 0,
      quick_sum integer not null default 0,
      full_n integer not null default 0,
      u1_n integer not null default 0, u1_sum integer not null default 0,
      u2_n integer not null default 0, u2_sum integer not null default 0,
      u3_n integer not null default 0, u3_sum integer not null default 0,
      u4_n integer not null default 0, u4_sum integer not null default 0,
      u5_n integer not null default 0, u5_sum integer not null default 0,
      u6_n integer not null default 0, u6_sum integer not null default 0,
      u7_n integer not null default 0, u7_sum integer not null default 0,
      u8_n integer not null default 0, u8_sum integer not null default 0,
      u9_n integer not null default 0, u9_sum integer not null default 0,
      -- The officer's service score per rating: the quick score, or the mean of U6 and U7 answered.
      os_n integer not null default 0,
      os_sum numeric not null default 0,
      os_sumsq numeric not null default 0,
      primary key (unit_id, day, counter_id, service_id, officer_id, attributed, verified, status)
    );
    create index rating_daily_officer_idx on rating_daily (officer_id, day) where officer_id <> 0;
    create index rating_daily_agency_day_idx on rating_daily (agency_id, day);

    create function rating_officer_score(r ratings) returns numeric language sql immutable as $$
      select case
        when r.quick_score is not null and r.u6 is null and r.u7 is null then r.quick_score::numeric
        when r.u6 is not null and r.u7 is not null then (r.u6 + r.u7)::numeric / 2
        when r.u6 is not null then r.u6::numeric
        when r.u7 is not null then r.u7::numeric
        else r.quick_score::numeric
      end
    $$;

    create function rating_daily_apply(r ratings, sign integer) returns void language plpgsql as $$
    declare
      score numeric := rating_officer_score(r);
      zone text;
    begin
      select time_zone into zone from agencies where id = r.agency_id;
      insert into rating_daily as d (day, agency_id, unit_id, counter_id, service_id, officer_id, attributed, verified, status,
        n, quick_n, quick_sum, full_n,
        u1_n, u1_sum, u2_n, u2_sum, u3_n, u3_sum, u4_n, u4_sum, u5_n, u5_sum, u6_n, u6_sum, u7_n, u7_sum, u8_n, u8_sum, u9_n, u9_sum,
        os_n, os_sum, os_sumsq)
      values ((r.submitted_at at time zone coalesce(zone, 'Asia/Jakarta'))::date, r.agency_id, r.unit_id, r.counter_id, r.service_id,
        coalesce(r.officer_id, 0), r.officer_id is not null and not r.officer_attribution_removed, r.verified, r.status,
        sign, sign * (r.quick_score is not null)::int, sign * coalesce(r.quick_score, 0), sign * (r.kind = 'full')::int,
        sign * (r.u1 is not null)::int, sign * coalesce(r.u1, 0), sign * (r.u2 is not null)::int, sign * coalesce(r.u2, 0),
        sign * (r.u3 is not null)::int, sign * coalesce(r.u3, 0), sign * (r.u4 is not null)::int, sign * coalesce(r.u4, 0),
        sign * (r.u5 is not null)::int, sign * coalesce(r.u5, 0), sign * (r.u6 is not null)::int, sign * coalesce(r.u6, 0),
        sign * (r.u7 is not null)::int, sign * coalesce(r.u7, 0), sign * (r.u8 is not null)::int, sign * coalesce(r.u8, 0),
        sign * (r.u9 is not null)::int, sign * coalesce(r.u9, 0),
        sign * (score is not null)::int, sign * coalesce(score, 0), sign * coalesce(score * score, 0))
      on conflict (unit_id, day, counter_id, service_id, officer_id, attributed, verified, status) do update set
        n = d.n + excluded.n, quick_n = d.quick_n + excluded.quick_n, quick_sum = d.quick_sum + excluded.quick_sum,
        full_n = d.full_n + excluded.full_n,
        u1_n = d.u1_n + excluded.u1_n, u1_sum = d.u1_sum + excluded.u1_sum, u2_n = d.u2_n + excluded.u2_n, u2_sum = d.u2_sum + excluded.u2_sum,
        u3_n = d.u3_n + excluded.u3_n, u3_sum = d.u3_sum + excluded.u3_sum, u4_n = d.u4_n + excluded.u4_n, u4_sum = d.u4_sum + excluded.u4_sum,
        u5_n = d.u5_n + excluded.u5_n, u5_sum = d.u5_sum + excluded.u5_sum, u6_n = d.u6_n + excluded.u6_n, u6_sum = d.u6_sum + excluded.u6_sum,
        u7_n = d.u7_n + excluded.u7_n, u7_sum = d.u7_sum + excluded.u7_sum, u8_n = d.u8_n + excluded.u8_n, u8_sum = d.u8_sum + excluded.u8_sum,
        u9_n = d.u9_n + excluded.u9_n, u9_sum = d.u9_sum + excluded.u9_sum,
        os_n = d.os_n + excluded.os_n, os_sum = d.os_sum + excluded.os_sum, os_sumsq = d.os_sumsq + excluded.os_sumsq;
    end $$;

    create function ratings_maintain_daily() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then perform rating_daily_apply(old, -1); end if;
      if tg_op in ('INSERT', 'UPDATE') then perform rating_daily_apply(new, 1); end if;
      return null;
    end $$;
    create trigger ratings_daily_rollup after insert or update or delete on ratings
      for each row execute function ratings_maintain_daily();

    -- Counters for abuse control: submissions per device or IP hash, per counter and day (kept in PostgreSQL so
    -- every app process sees the same numbers).
    create table rating_limits (
      counter_id integer not null references counters(id),
      day date not null,
      key_hash text not null,
      count integer not null default 0,
      last_at timestamptz not null default now(),
      primary key (counter_id, day, key_hash)
    );
    create table rating_refusals (
      counter_id integer not null references counters(id),
      day date not null,
      reason text not null,
      count integer not null default 0,
      primary key (counter_id, day, reason)
    );

    -- One-time visit codes handed out at the counter; a rating that carries one is "verified".
    create table visit_codes (
      id integer generated always as identity primary key,
      counter_id integer not null references counters(id),
      day date not null,
      code text not null check (code ~ '^[A-Z0-9]{6}$'),
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      used_at timestamptz,
      rating_id bigint references ratings(id),
      unique (counter_id, day, code)
    );

    create table kiosk_sessions (
      token text primary key,
      counter_id integer not null references counters(id),
      opened_by integer not null references users(id),
      opened_at timestamptz not null default now(),
      closed_at timestamptz
    );
  `.execute(db);
}
