import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- An officer may contest one rating or comment attributed to them; the supervisor upholds or dismisses it.
    create table rating_contests (
      id integer generated always as identity primary key,
      rating_id bigint not null references ratings(id),
      officer_id integer not null references officers(id),
      reason_kind text not null check (reason_kind in ('colleague','never_happened','abusive')),
      reason_text text not null check (char_length(reason_text) between 1 and 1000),
      status text not null default 'open' check (status in ('open','upheld','dismissed')),
      created_by integer not null references users(id),
      created_at timestamptz not null default now(),
      decided_by integer references users(id),
      decided_at timestamptz,
      decision_note text
    );
    create unique index rating_contests_one_open on rating_contests (rating_id) where status = 'open';
    create index rating_contests_officer_idx on rating_contests (officer_id, status);
  `.execute(db);
}
