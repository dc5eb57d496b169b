import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
// An uploaded organisation import waits here between its preview and the administrator's confirmation (the
// portal's processes keep no files of their own).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisation_import_uploads (
      id integer generated always as identity primary key,
      agency_id integer not null references agencies(id),
      created_by integer not null references users(id),
      source text not null,
      files jsonb not null,
      retire_missing boolean not null default false,
      created_at timestamptz not null default now(),
      applied_import_id integer references organisation_imports(id)
    );
    create index organisation_import_uploads_agency_idx on organisation_import_uploads (agency_id, created_at);
  `.execute(db);
}
