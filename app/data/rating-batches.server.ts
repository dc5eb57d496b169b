import type { Kysely } from "kysely";
import { poolOf, queryPrepared } from "../../db/connect";
import { BURST_THRESHOLD, IDENTICAL_RUN_LENGTH } from "~/domain/ratings/submission";
import { StatementBatcher } from "./statement-batcher";
import type { Database } from "../../db/schema";

/** What a submission must be checked against before it is stored. */
export interface RatingCheck {
  counterId: number;
  serviceId: number;
  officerId: number | null;
  at: Date;
  /** Ratings for the officer since this instant count towards a burst. */
  burstSince: Date;
}

/**
 * The service is offered at the counter; the officer is on duty there at that instant; how many ratings the
 * officer had since burstSince (counted only up to the threshold); the counter's latest scores, newest first.
 */
export interface CheckResult {
  serviceOk: boolean;
  officerOk: boolean;
  burst: number;
  recent: (number | null)[][];
}

const CHECKS_SQL = `
select i.ord,
  exists(select 1 from counter_services cs join services s on s.id = cs.service_id
         where cs.counter_id = i.counter_id and cs.service_id = i.service_id and s.active) as service_ok,
  (i.officer_id is null or exists(select 1 from duty_roster d where d.counter_id = i.counter_id
         and d.officer_id = i.officer_id and d.starts_at <= i.at and d.ends_at > i.at)) as officer_ok,
  (select count(*)::int from (select 1 from ratings r where r.officer_id = i.officer_id and r.submitted_at > i.burst_since
         limit $2) burst) as burst,
  (select array_agg(array[quick_score, u1, u2, u3, u4, u5, u6, u7, u8, u9]) from (
     select r.quick_score, r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9 from ratings r
     where r.counter_id = i.counter_id order by r.submitted_at desc limit $3) recent) as recent
from jsonb_to_recordset($1::jsonb) as i(ord int, counter_id int, service_id int, officer_id int, at timestamptz, burst_since timestamptz)`;

async function checkBatch(db: Kysely<Database>, checks: RatingCheck[]): Promise<CheckResult[]> {
  const payload = checks.map((check, index) => ({
    ord: index,
    counter_id: check.counterId,
    service_id: check.serviceId,
    officer_id: check.officerId,
    at: check.at,
    burst_since: check.burstSince,
  }));
  const rows = await queryPrepared<{ ord: number; service_ok: boolean; officer_ok: boolean; burst: number; recent: (number | null)[][] | null }>(
    db,
    "suara_rating_checks",
    CHECKS_SQL,
    [JSON.stringify(payload), BURST_THRESHOLD, IDENTICAL_RUN_LENGTH - 1],
  );
  const byOrd = new Map(rows.map((row) => [Number(row.ord), row]));
  return checks.map((_, index) => {
    const row = byOrd.get(index);
    if (!row) throw new Error(`rating check ${index} returned no row`);
    return { serviceOk: row.service_ok, officerOk: row.officer_ok, burst: row.burst, recent: row.recent ?? [] };
  });
}

/** One rating row as the submission endpoint stores it (the common path: no visit code, no kiosk). */
export interface NewRatingRow {
  agency_id: number;
  unit_id: number;
  counter_id: number;
  service_id: number;
  officer_id: number | null;
  submitted_at: Date;
  received_at: Date;
  channel: string;
  kind: string;
  quick_score: number | null;
  u1: number | null; u2: number | null; u3: number | null; u4: number | null; u5: number | null;
  u6: number | null; u7: number | null; u8: number | null; u9: number | null;
  sex: string | null;
  age_band: string | null;
  education: string | null;
  occupation: string | null;
  comment: string | null;
  status: "valid" | "flagged";
  flag_reasons: string[];
  idempotency_key: string;
  content_hash: string;
  device_hash: string | null;
  ip_hash: string | null;
}

export interface RatingWrite {
  row: NewRatingRow;
  /** The counter's local day, for the daily limits. */
  day: string;
  /** Daily limits this submission counts towards (device and address hashes), each with its cap. */
  limits: { key: string; cap: number }[];
}

/** inserted: committed with this id; over_limit: refused, nothing stored; key_taken: the idempotency key is stored already. */
export type WriteResult = { kind: "inserted"; id: number } | { kind: "over_limit" } | { kind: "key_taken" };

const COLUMNS = [
  "agency_id", "unit_id", "counter_id", "service_id", "officer_id", "submitted_at", "received_at", "channel", "kind", "quick_score",
  "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "sex", "age_band", "education", "occupation", "comment",
  "status", "flag_reasons", "idempotency_key", "content_hash", "device_hash", "ip_hash",
] as const satisfies readonly (keyof NewRatingRow)[];

const COLUMN_TYPES: Record<(typeof COLUMNS)[number], string> = {
  agency_id: "int", unit_id: "int", counter_id: "int", service_id: "int", officer_id: "int", submitted_at: "timestamptz", received_at: "timestamptz",
  channel: "text", kind: "text", quick_score: "smallint", u1: "smallint", u2: "smallint", u3: "smallint", u4: "smallint",
  u5: "smallint", u6: "smallint", u7: "smallint", u8: "smallint", u9: "smallint", sex: "text", age_band: "text",
  education: "text", occupation: "text", comment: "text", status: "text", flag_reasons: "text[]", idempotency_key: "uuid",
  content_hash: "text", device_hash: "text", ip_hash: "text",
};

/**
 * A whole batch in one statement (one round trip, one plan, one commit): count every submission towards its daily
 * limits, in arrival order, then insert those within them. Submission k of a batch sees the counts of 1..k, exactly
 * as if they had come one by one. The batch travels as one JSON parameter, so the text never changes and runs as a
 * named prepared statement.
 */
const BATCH_SQL = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as t(ord int, day date, limits jsonb, ${COLUMNS.map((column) => `${column} ${COLUMN_TYPES[column]}`).join(", ")})
),
wanted as (
  select i.ord, i.counter_id, i.day, l.key, l.cap, i.submitted_at
  from input i cross join lateral jsonb_to_recordset(i.limits) as l(key text, cap int)
),
counted as (
  insert into rating_limits as r (counter_id, day, key_hash, count, last_at)
  select counter_id, day, key, count(*), max(submitted_at) from wanted group by counter_id, day, key
  on conflict (counter_id, day, key_hash) do update set count = r.count + excluded.count, last_at = greatest(r.last_at, excluded.last_at)
  returning r.counter_id, r.day, r.key_hash, r.count
),
over_limit as (
  select distinct w.ord
  from (select *, row_number() over (partition by counter_id, day, key order by ord) as position,
               count(*) over (partition by counter_id, day, key) as batch_n
        from wanted) w
  join counted c on c.counter_id = w.counter_id and c.day = w.day and c.key_hash = w.key
  where c.count - w.batch_n + w.position > w.cap
),
inserted as (
  insert into ratings (${COLUMNS.join(", ")})
  select ${COLUMNS.join(", ")} from input where ord not in (select ord from over_limit) order by ord
  on conflict (idempotency_key) do nothing
  returning id, idempotency_key
)
select i.ord, i.ord in (select ord from over_limit) as over_limit, ins.id
from input i left join inserted ins on ins.idempotency_key = i.idempotency_key`;

async function writeBatch(db: Kysely<Database>, writes: RatingWrite[]): Promise<WriteResult[]> {
  const payload = writes.map((write, index) => ({ ord: index, day: write.day, limits: write.limits, ...write.row }));
  const rows = await queryPrepared<{ ord: number; over_limit: boolean; id: number | null }>(db, "suara_ratings_batch", BATCH_SQL, [JSON.stringify(payload)]);
  const byOrd = new Map(rows.map((row) => [Number(row.ord), row]));
  return writes.map((_, index): WriteResult => {
    const row = byOrd.get(index);
    if (row?.over_limit) return { kind: "over_limit" };
    if (row?.id != null) return { kind: "inserted", id: Number(row.id) };
    return { kind: "key_taken" };
  });
}

// One batch per stage in the database at a time: while it runs, the next one gathers everything that arrives, so
// batches grow with the load and each statement's fixed cost (parse, plan, commit, round trip) is paid once per
// batch. A transaction's handle (no pool) has a single connection, so there items go one by one.
/** One batcher per database handle and statement, made on first use. */
function batcherFor<Item, Result>(
  batchers: WeakMap<Kysely<Database>, StatementBatcher<Item, Result>>,
  db: Kysely<Database>,
  runBatch: (items: Item[]) => Promise<Result[]>,
  key?: (item: Item) => string,
): StatementBatcher<Item, Result> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new StatementBatcher(runBatch, { maxInFlight: 1, maxBatch: poolOf(db) ? 64 : 1, key });
    batchers.set(db, batcher);
  }
  return batcher;
}

const checkers = new WeakMap<Kysely<Database>, StatementBatcher<RatingCheck, CheckResult>>();
const writers = new WeakMap<Kysely<Database>, StatementBatcher<RatingWrite, WriteResult>>();

/** Checks a submission, batched with others arriving at the same moment. */
export function checkRating(db: Kysely<Database>, check: RatingCheck): Promise<CheckResult> {
  return batcherFor(checkers, db, (checks) => checkBatch(db, checks)).submit(check);
}

/** Stores a rating with its limit counts, batched with others arriving at the same moment. */
export function writeRating(db: Kysely<Database>, write: RatingWrite): Promise<WriteResult> {
  return batcherFor(writers, db, (writes) => writeBatch(db, writes), (item) => item.row.idempotency_key).submit(write);
}
