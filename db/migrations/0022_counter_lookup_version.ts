import { sql, type Kysely } from "kysely";

// One number that moves with every committed change a counter's public lookup depends on (its code, name,
// retirement, unit, agency and their settings). Each app process keeps looked-up counters in memory only together
// with the number they were read at and checks the number on every lookup, so a code changed or closed by one
// process is never served by another. Statement-level triggers bump it inside the writing transaction, so the new
// number is seen exactly when the change is. Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cache_versions (
      name text primary key,
      version bigint not null default 0
    );
    insert into cache_versions (name, version) values ('counter_lookup', 0);

    create function bump_counter_lookup_version() returns trigger language plpgsql as $$
    begin
      update cache_versions set version = version + 1 where name = 'counter_lookup';
      return null;
    end $$;

    create trigger counters_bump_lookup after insert or update or delete or truncate on counters
      for each statement execute function bump_counter_lookup_version();
    create trigger counter_old_codes_bump_lookup after insert or update or delete or truncate on counter_old_codes
      for each statement execute function bump_counter_lookup_version();
    create trigger units_bump_lookup after update or delete or truncate on units
      for each statement execute function bump_counter_lookup_version();
    create trigger agencies_bump_lookup after update or delete or truncate on agencies
      for each statement execute function bump_counter_lookup_version();
  `.execute(db);
}
