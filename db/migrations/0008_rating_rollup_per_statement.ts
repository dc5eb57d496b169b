import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- New ratings arrive in batches (the submission endpoint commits several at once, imports and seeding many):
    -- add each batch to the daily rollups with one grouped upsert per statement instead of one per row.
    -- Updates and deletes (reviews, contests, undoing an import) keep the row trigger of 0002.
    drop trigger ratings_daily_rollup on ratings;
    create trigger ratings_daily_rollup after update or delete on ratings
      for each row execute function ratings_maintain_daily();

    create function ratings_daily_add_inserted() returns trigger language plpgsql as $$
    begin
      insert into rating_daily as d (day, agency_id, unit_id, counter_id, service_id, officer_id, attributed, verified, status,
        n, quick_n, quick_sum, full_n,
        u1_n, u1_sum, u2_n, u2_sum, u3_n, u3_sum, u4_n, u4_sum, u5_n, u5_sum, u6_n, u6_sum, u7_n, u7_sum, u8_n, u8_sum, u9_n, u9_sum,
        os_n, os_sum, os_sumsq)
      select day, agency_id, unit_id, counter_id, service_id, officer_id, attributed, verified, status,
        count(*), count(quick_score), coalesce(sum(quick_score), 0), count(*) filter (where kind = 'full'),
        count(u1), coalesce(sum(u1), 0), count(u2), coalesce(sum(u2), 0), count(u3), coalesce(sum(u3), 0),
        count(u4), coalesce(sum(u4), 0), count(u5), coalesce(sum(u5), 0), count(u6), coalesce(sum(u6), 0),
        count(u7), coalesce(sum(u7), 0), count(u8), coalesce(sum(u8), 0), count(u9), coalesce(sum(u9), 0),
        count(score), coalesce(sum(score), 0), coalesce(sum(score * score), 0)
      from (
        select (r.submitted_at at time zone coalesce(a.time_zone, 'Asia/Jakarta'))::date as day, r.agency_id, r.unit_id,
          r.counter_id, r.service_id, coalesce(r.officer_id, 0) as officer_id,
          r.officer_id is not null and not r.officer_attribution_removed as attributed, r.verified, r.status,
          r.quick_score, r.kind, r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9, rating_officer_score(r) as score
        from inserted_ratings r left join agencies a on a.id = r.agency_id
      ) rows
      group by day, agency_id, unit_id, counter_id, service_id, officer_id, attributed, verified, status
      on conflict (unit_id, day, counter_id, service_id, officer_id, attributed, verified, status) do update set
        n = d.n + excluded.n, quick_n = d.quick_n + excluded.quick_n, quick_sum = d.quick_sum + excluded.quick_sum,
        full_n = d.full_n + excluded.full_n,
        u1_n = d.u1_n + excluded.u1_n, u1_sum = d.u1_sum + excluded.u1_sum, u2_n = d.u2_n + excluded.u2_n, u2_sum = d.u2_sum + excluded.u2_sum,
        u3_n = d.u3_n + excluded.u3_n, u3_sum = d.u3_sum + excluded.u3_sum, u4_n = d.u4_n + excluded.u4_n, u4_sum = d.u4_sum + excluded.u4_sum,
        u5_n = d.u5_n + excluded.u5_n, u5_sum = d.u5_sum + excluded.u5_sum, u6_n = d.u6_n + excluded.u6_n, u6_sum = d.u6_sum + excluded.u6_sum,
        u7_n = d.u7_n + excluded.u7_n, u7_sum = d.u7_sum + excluded.u7_sum, u8_n = d.u8_n + excluded.u8_n, u8_sum = d.u8_sum + excluded.u8_sum,
        u9_n = d.u9_n + excluded.u9_n, u9_sum = d.u9_sum + excluded.u9_sum,
        os_n = d.os_n + excluded.os_n, os_sum = d.os_sum + excluded.os_sum, os_sumsq = d.os_sumsq + excluded.os_sumsq;
      return null;
    end $$;
    create trigger ratings_daily_rollup_insert after insert on ratings
      referencing new table as inserted_ratings
      for each statement execute function ratings_daily_add_inserted();
  `.execute(db);
}
