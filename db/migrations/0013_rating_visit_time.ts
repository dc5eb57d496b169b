import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
// A rating queued on a phone without a network arrives later than the visit it rates. `submitted_at` stays the
// moment the citizen tapped "Kirim" (the visit: the figures, the rollups' day, the daily limits and the officer's
// duty all follow it); `received_at` records when the server got it. Ratings before this migration arrived when
// they were made.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table ratings add column received_at timestamptz;
    update ratings set received_at = submitted_at;
    alter table ratings alter column received_at set default now(), alter column received_at set not null;
    comment on column ratings.submitted_at is 'When the citizen submitted on their device (the visit); figures use it';
    comment on column ratings.received_at is 'When the server received the rating (later for ratings queued offline)';
  `.execute(db);
}
