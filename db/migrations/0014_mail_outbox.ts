import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- E-mail waiting to be sent. Written in the same transaction as the event it reports, sent by a worker
    -- (app/data/mail-outbox.server.ts) with retries, so a mail survives a restart and never holds up a request.
    create table mail_outbox (
      id bigserial primary key,
      agency_id integer references agencies(id),
      kind text not null,
      recipient text not null,
      subject text not null,
      body text not null,
      created_at timestamptz not null default now(),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      -- A worker holds a claimed mail until then; after it (a crashed worker) another may send it.
      claimed_until timestamptz,
      sent_at timestamptz,
      failed_at timestamptz,
      last_error text
    );
    create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null;
  `.execute(db);
}
