import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
// An officer's comments reach the officer in batches of ended weeks. A rating the abuse checks held back (flagged)
// and a reviewer later judged valid joins the officer's comments in the week of that decision, never in the week it
// arrived, whose batch may already have been released: `kept_at` records the decision.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table ratings add column kept_at timestamptz;
    comment on column ratings.kept_at is 'When a reviewer last judged a held-back rating valid; null for a rating valid on arrival';
  `.execute(db);
}
