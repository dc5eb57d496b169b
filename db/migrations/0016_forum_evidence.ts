import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The evidence a responsible unit gives with a progress update (a link or a short description), shown publicly.
    alter table forum_action_updates add column evidence text check (evidence is null or length(evidence) between 1 and 2000);
    -- An input of a theme that its summary does not reflect, marked so by the moderator with the reason shown publicly.
    alter table forum_items add column not_reflected_reason text check (not_reflected_reason is null or length(not_reflected_reason) between 1 and 1000);
  `.execute(db);
}
