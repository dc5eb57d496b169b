import { sql, type Kysely } from "kysely";

// A unit's choice of how officers' names show on its public counter pages (full name, first name and initials,
// or initials only). Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table units add column officer_name_display text not null default 'full'
      check (officer_name_display in ('full', 'first_initial', 'initials'));
  `.execute(db);
}
