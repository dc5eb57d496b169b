import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One table for every rate limit (complaint tracking, forum input, sign-in), in fixed windows per keyed hash.
    -- Replaces the two per-feature tables, whose counts were kept under addresses the client could choose.
    create table rate_limits (
      bucket text not null,
      key_hash text not null,
      window_start timestamptz not null,
      hits integer not null,
      primary key (bucket, key_hash, window_start)
    );
    create index rate_limits_window on rate_limits (window_start);
    drop table complaint_lookup_limits;
    drop table forum_input_limits;
  `.execute(db);
}

