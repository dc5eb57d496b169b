import { sql, type Kysely } from "kysely";

// A file (a photo or a PDF) the responsible unit attaches as evidence to a progress update of a forum's follow-up
// action, shown on the public forum page. The file lives in the portal's file store; the row keeps its key, the
// name it was uploaded with, its type as recognised from its first bytes, and its size. Frozen in time: never
// import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table forum_action_updates
      add column evidence_file text check (evidence_file is null or length(evidence_file) between 1 and 200),
      add column evidence_file_name text check (evidence_file_name is null or length(evidence_file_name) between 1 and 120),
      add column evidence_file_type text check (evidence_file_type is null or evidence_file_type in ('image/jpeg', 'image/png', 'application/pdf')),
      add column evidence_file_bytes integer check (evidence_file_bytes is null or evidence_file_bytes > 0),
      add constraint forum_action_updates_file_whole check (
        (evidence_file is null and evidence_file_name is null and evidence_file_type is null and evidence_file_bytes is null)
        or (evidence_file is not null and evidence_file_name is not null and evidence_file_type is not null and evidence_file_bytes is not null)
      );
  `.execute(db);
}
