import { sql, type Kysely } from "kysely";

// Other names citizens search a unit by ("Mal Pelayanan Publik", "Capil Pandan"), kept by the agency's
// administrators beside the everyday short names the search knows for every regional office. One line of text,
// the names separated by commas. Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table units add column search_names text not null default ''`.execute(db);
}
