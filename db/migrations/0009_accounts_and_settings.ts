import { sql, type Kysely } from "kysely";

// A production installation: the one-time set-up link for the first administrator, accounts that wait for
// activation (no password yet), one-time activation and reset codes, the platform administrator (who alone
// keeps the national holiday list), and the agency's own settings with their defaults. Frozen in time: never
// import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Settings of an agency. The abuse limits left null follow the portal's environment defaults.
    alter table agencies
      add column public_min_surveys integer not null default 30 check (public_min_surveys between 1 and 10000),
      add column officer_ranking_min integer not null default 10 check (officer_ranking_min between 1 and 1000),
      add column rating_limit_per_device integer check (rating_limit_per_device between 1 and 1000),
      add column rating_limit_per_ip integer check (rating_limit_per_ip between 1 and 100000),
      add column kiosk_min_interval_seconds integer check (kiosk_min_interval_seconds between 0 and 3600),
      add column updated_at timestamptz;

    -- A unit's IKM weights per element as exact fractions ('{"U1":"1/9",...}'); null means 1/9 each.
    alter table units add column ikm_weights jsonb check (ikm_weights is null or jsonb_typeof(ikm_weights) = 'object');

    -- A user without a password is awaiting activation and cannot sign in.
    alter table users alter column password_hash drop not null;
    alter table users
      add column email text check (email is null or email ~ '^[^@\\s]+@[^@\\s]+$'),
      add column platform_admin boolean not null default false,
      add column password_changed_at timestamptz;

    -- The set-up link printed on the console of a database without an administrator: only its hash is kept.
    create table setup_tokens (
      id integer generated always as identity primary key,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz
    );

    -- One-time codes an administrator issues so an officer sets (activation) or sets again (reset) a password.
    create table account_codes (
      id integer generated always as identity primary key,
      user_id integer not null references users(id),
      purpose text not null check (purpose in ('activation','reset')),
      code_hash text not null unique,
      created_by_user_id integer references users(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz
    );
    create index account_codes_user_idx on account_codes (user_id);
  `.execute(db);
}
