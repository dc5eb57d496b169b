import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { Database } from "../../db/schema";
import { ELEMENT_CODES, type ElementCode } from "~/domain/indicators/elements";
import { computeIkm, EQUAL_WEIGHTS, emptyTallies, type ElementTally, type IkmOutcome, type IkmWeights } from "~/domain/indicators/ikm";
import { weightsFromStored } from "~/domain/unit-settings";
import { buildMonthlyTrend, type MonthlyTallies } from "~/domain/indicators/comparison";
import { pooledMean, rankOfficers, scoreOfficer, type OfficerScore } from "~/domain/indicators/officer-score";
import type { Period } from "~/domain/indicators/period";
import { complaintFiguresFor } from "./complaints/figures.server";
import { holidayCalendarFor } from "./holidays.server";
import { localDateOf } from "~/domain/working-days";

/** What a figure is about. A unit includes its whole subtree. */
export type Scope =
  | { kind: "agency"; agencyId: number }
  | { kind: "unit"; unitId: number }
  | { kind: "counter"; counterId: number }
  | { kind: "service"; serviceId: number }
  | { kind: "officer"; officerId: number };

export interface IndicatorOptions {
  verifiedOnly?: boolean;
  /** The IKM weights; scopeIndicators reads the scope's unit's own (1/9 each when it has none). */
  weights?: IkmWeights;
}

/** Rating counts by status and the share of verified visits among the valid ones. */
export interface RatingCounts {
  valid: number;
  fullSurveys: number;
  quick: number;
  verified: number;
  flagged: number;
  excluded: number;
  verifiedShare: number | null;
  quickMean: number | null;
}

export interface ScopeIndicators {
  ikm: IkmOutcome;
  tallies: Record<ElementCode, ElementTally>;
  counts: RatingCounts;
}

const SUM_COLUMNS = ELEMENT_CODES.flatMap((code) => [`${code.toLowerCase()}_n`, `${code.toLowerCase()}_sum`]);

function scopeFilter(scope: Scope): Expression<SqlBool> {
  switch (scope.kind) {
    case "agency":
      return sql<SqlBool>`d.agency_id = ${scope.agencyId}`;
    case "unit":
      return sql<SqlBool>`d.unit_id in (select id from units where path like (select path from units where id = ${scope.unitId}) || '%')`;
    case "counter":
      return sql<SqlBool>`d.counter_id = ${scope.counterId}`;
    case "service":
      return sql<SqlBool>`d.service_id = ${scope.serviceId}`;
    case "officer":
      // An upheld contest takes a rating out of the officer's figures, not the unit's.
      return sql<SqlBool>`d.officer_id = ${scope.officerId} and d.attributed`;
  }
}

type SumsRow = Record<string, number> & { status: string; verified: boolean };

/** IKM, element tallies and rating counts for a scope and period, read from the daily rollups. */
export async function scopeIndicators(db: Kysely<Database>, scope: Scope, period: Pick<Period, "from" | "to">, options: IndicatorOptions = {}): Promise<ScopeIndicators> {
  const result = await sql<SumsRow>`
    select d.status, d.verified, sum(d.n)::int as n, sum(d.full_n)::int as full_n, sum(d.quick_n)::int as quick_n,
      sum(d.quick_sum)::int as quick_sum,
      ${sql.join(SUM_COLUMNS.map((column) => sql`sum(d.${sql.ref(column)})::int as ${sql.ref(column)}`))}
    from rating_daily d
    where ${scopeFilter(scope)} and d.day between ${period.from} and ${period.to}
    group by d.status, d.verified`.execute(db);
  return indicatorsFromRows(result.rows, { ...options, weights: options.weights ?? (await weightsOfScope(db, scope)) });
}

/**
 * The IKM weights of the unit a scope belongs to (a service's or counter's unit; an agency's top unit), as its
 * administrators set them on the unit settings page; an officer's, those of the officer's unit. Every IKM the
 * portal shows (figures, 12-month trend, the unit page's list of counters and services) takes its weights here.
 */
export async function weightsOfScope(db: Kysely<Database>, scope: Scope): Promise<IkmWeights> {
  let query = db.selectFrom("units").select("units.ikm_weights");
  switch (scope.kind) {
    case "officer":
      query = query.where("units.id", "=", (eb) => eb.selectFrom("officers").select("officers.unit_id").where("officers.id", "=", scope.officerId));
      break;
    case "unit":
      query = query.where("units.id", "=", scope.unitId);
      break;
    case "agency":
      query = query.where("units.agency_id", "=", scope.agencyId).where("units.parent_id", "is", null);
      break;
    case "service":
      query = query.where("units.id", "=", (eb) => eb.selectFrom("services").select("services.unit_id").where("services.id", "=", scope.serviceId));
      break;
    case "counter":
      query = query.where("units.id", "=", (eb) => eb.selectFrom("counters").select("counters.unit_id").where("counters.id", "=", scope.counterId));
      break;
  }
  const row = await query.executeTakeFirst();
  return weightsFromStored((row?.ikm_weights as Record<string, string> | null | undefined) ?? null);
}

export function indicatorsFromRows(rows: SumsRow[], options: IndicatorOptions): ScopeIndicators {
  const tallies = emptyTallies();
  const counts: RatingCounts = { valid: 0, fullSurveys: 0, quick: 0, verified: 0, flagged: 0, excluded: 0, verifiedShare: null, quickMean: null };
  let quickSum = 0;
  for (const row of rows) {
    if (row.status === "flagged") counts.flagged += row.n!;
    if (row.status === "excluded") counts.excluded += row.n!;
    if (row.status !== "valid") continue;
    if (row.verified) counts.verified += row.n!;
    if (options.verifiedOnly && !row.verified) continue;
    counts.valid += row.n!;
    counts.fullSurveys += row.full_n!;
    counts.quick += row.quick_n!;
    quickSum += row.quick_sum!;
    for (const code of ELEMENT_CODES) {
      const key = code.toLowerCase();
      tallies[code] = { count: tallies[code].count + row[`${key}_n`]!, sum: tallies[code].sum + row[`${key}_sum`]! };
    }
  }
  const validAll = rows.filter((row) => row.status === "valid").reduce((total, row) => total + row.n!, 0);
  counts.verifiedShare = validAll > 0 ? counts.verified / validAll : null;
  counts.quickMean = counts.quick > 0 ? quickSum / counts.quick : null;
  return { ikm: computeIkm(tallies, options.weights ?? EQUAL_WEIGHTS), tallies, counts };
}

/** The same figures computed by scanning the raw ratings: for checks and the benchmark, never for pages. */
export async function scopeIndicatorsFromRaw(db: Kysely<Database>, scope: Scope, period: Pick<Period, "from" | "to">, options: IndicatorOptions = {}): Promise<ScopeIndicators> {
  const elementSums = ELEMENT_CODES.flatMap((code) => {
    const column = code.toLowerCase();
    return [sql`count(r.${sql.ref(column)})::int as ${sql.ref(`${column}_n`)}`, sql`coalesce(sum(r.${sql.ref(column)}), 0)::int as ${sql.ref(`${column}_sum`)}`];
  });
  const filter = rawScopeFilter(scope);
  const result = await sql<SumsRow>`
    select r.status, r.verified, count(*)::int as n, count(*) filter (where r.kind = 'full')::int as full_n,
      count(r.quick_score)::int as quick_n, coalesce(sum(r.quick_score), 0)::int as quick_sum, ${sql.join(elementSums)}
    from ratings r join agencies a on a.id = r.agency_id
    where ${filter} and (r.submitted_at at time zone a.time_zone)::date between ${period.from} and ${period.to}
    group by r.status, r.verified`.execute(db);
  return indicatorsFromRows(result.rows, { ...options, weights: options.weights ?? (await weightsOfScope(db, scope)) });
}

function rawScopeFilter(scope: Scope): Expression<SqlBool> {
  switch (scope.kind) {
    case "agency":
      return sql<SqlBool>`r.agency_id = ${scope.agencyId}`;
    case "unit":
      return sql<SqlBool>`r.unit_id in (select id from units where path like (select path from units where id = ${scope.unitId}) || '%')`;
    case "counter":
      return sql<SqlBool>`r.counter_id = ${scope.counterId}`;
    case "service":
      return sql<SqlBool>`r.service_id = ${scope.serviceId}`;
    case "officer":
      return sql<SqlBool>`r.officer_id = ${scope.officerId} and not r.officer_attribution_removed`;
  }
}

export interface OfficerRow {
  officerId: number;
  name: string;
  score: OfficerScore;
  verifiedShare: number | null;
}

/** Every officer of the scope with a service score, its interval, and an honest "not enough ratings yet". */
export async function officerScores(
  db: Kysely<Database>,
  scope: Extract<Scope, { kind: "unit" | "counter" | "agency" }>,
  period: Pick<Period, "from" | "to">,
  options: IndicatorOptions & { minimumRatings?: number; priorStrength?: number } = {},
): Promise<{ unitMean: number | null; officers: OfficerRow[]; ranking: ReturnType<typeof rankOfficers> }> {
  const rows = await sql<{ officer_id: number; name: string; n: number; sum: number; sumsq: number; verified_n: number }>`
    select d.officer_id, o.name, sum(d.os_n)::int as n, sum(d.os_sum)::float8 as sum, sum(d.os_sumsq)::float8 as sumsq,
      sum(d.os_n) filter (where d.verified)::int as verified_n
    from rating_daily d join officers o on o.id = d.officer_id
    where ${scopeFilter(scope)} and d.day between ${period.from} and ${period.to} and d.status = 'valid' and d.attributed
      ${options.verifiedOnly ? sql`and d.verified` : sql``}
    group by d.officer_id, o.name
    order by o.name`.execute(db);
  const sums = rows.rows.map((row) => ({ officerId: String(row.officer_id), n: row.n, sum: row.sum, sumOfSquares: row.sumsq }));
  const unitMean = pooledMean(sums);
  const officers = rows.rows.map((row, index) => ({
    officerId: row.officer_id,
    name: row.name,
    score: unitMean === null ? ({ kind: "insufficient", officerId: String(row.officer_id), n: row.n, minimum: options.minimumRatings ?? 10 } as const) : scoreOfficer(sums[index]!, { unitMean, minimumRatings: options.minimumRatings, priorStrength: options.priorStrength }),
    verifiedShare: row.n > 0 ? (row.verified_n ?? 0) / row.n : null,
  }));
  return { unitMean, officers, ranking: rankOfficers(officers.map((officer) => officer.score)) };
}

/** Monthly IKM over a range of months ("YYYY-MM"), months without answers included as gaps. */
export async function monthlyTrend(db: Kysely<Database>, scope: Scope, months: { from: string; to: string }, options: IndicatorOptions = {}) {
  const result = await sql<Record<string, number> & { month: string }>`
    select to_char(m.month_start, 'YYYY-MM') as month, m.* from (
      -- date_trunc per row, to_char once per month: formatting every rollup row costs more than summing it.
      select date_trunc('month', d.day) as month_start, sum(d.n)::int as n,
        ${sql.join(SUM_COLUMNS.map((column) => sql`sum(d.${sql.ref(column)})::int as ${sql.ref(column)}`))}
      from rating_daily d
      where ${scopeFilter(scope)} and d.status = 'valid' ${options.verifiedOnly ? sql`and d.verified` : sql``}
        and d.day between ${`${months.from}-01`}::date and (${`${months.to}-01`}::date + interval '1 month' - interval '1 day')
      group by 1) m
    order by m.month_start`.execute(db);
  const monthly: MonthlyTallies[] = result.rows.map((row) => {
    const sums = emptyTallies();
    for (const code of ELEMENT_CODES) sums[code] = { count: row[`${code.toLowerCase()}_n`]!, sum: row[`${code.toLowerCase()}_sum`]! };
    return { month: row.month, sums, respondents: row.n };
  });
  return buildMonthlyTrend(monthly, months, options.weights ?? (await weightsOfScope(db, scope)));
}

export interface OfficerServiceEvidence {
  score: OfficerScore;
  ratingCount: number;
  verifiedShare: number | null;
  comments: number;
}

/** The citizen-feedback part of an officer's evidence pack for a period (SKP, PermenPANRB 6/2022). */
export async function officerServiceEvidence(db: Kysely<Database>, officerId: number, period: { from: Date; to: Date }): Promise<OfficerServiceEvidence> {
  const officer = await db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["officers.unit_id", "agencies.time_zone as timeZone"])
    .where("officers.id", "=", officerId)
    .executeTakeFirstOrThrow();
  const days = daysOf(period, officer.timeZone);
  const [{ officers }, comments] = await Promise.all([
    officerScores(db, { kind: "unit", unitId: officer.unit_id }, days),
    db
      .selectFrom("ratings")
      .select(db.fn.countAll<number>().as("n"))
      .where("officer_id", "=", officerId)
      .where("officer_attribution_removed", "=", false)
      .where("status", "=", "valid")
      .where("comment", "is not", null)
      .where("submitted_at", ">=", period.from)
      .where("submitted_at", "<=", period.to)
      .executeTakeFirstOrThrow(),
  ]);
  const row = officers.find((candidate) => candidate.officerId === officerId);
  return {
    score: row?.score ?? { kind: "insufficient", officerId: String(officerId), n: 0, minimum: 10 },
    ratingCount: row?.score.n ?? 0,
    verifiedShare: row?.verifiedShare ?? null,
    comments: Number(comments.n),
  };
}

export type PortalIndicator = "officer_service_score" | "unit_ikm" | "complaint_followup_share";

/** The realisation of a portal indicator chosen in an SKP plan; null when there is no evidence yet. */
export async function portalIndicatorValue(
  db: Kysely<Database>,
  indicator: PortalIndicator,
  subject: { officerId: number; unitId: number },
  period: { from: Date; to: Date },
): Promise<number | null> {
  const { timeZone } = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select("agencies.time_zone as timeZone")
    .where("units.id", "=", subject.unitId)
    .executeTakeFirstOrThrow();
  const days = daysOf(period, timeZone);
  if (indicator === "officer_service_score") {
    const evidence = await officerServiceEvidence(db, subject.officerId, period);
    return evidence.score.kind === "scored" ? evidence.score.shrunk : null;
  }
  if (indicator === "unit_ikm") {
    const { ikm } = await scopeIndicators(db, { kind: "unit", unitId: subject.unitId }, days);
    return ikm.kind === "computed" ? ikm.ikmUnitRounded : null;
  }
  const unit = await db.selectFrom("units").select("agency_id").where("id", "=", subject.unitId).executeTakeFirstOrThrow();
  const calendar = await holidayCalendarFor(db, unit.agency_id);
  const figures = await complaintFiguresFor(db, { unitId: subject.unitId, from: period.from, to: period.to, ratingCount: 0 }, calendar);
  return figures.shareFollowedUpWithinLimit;
}

/** A period's first and last day in the agency's own zone (a period in Sorong starts at midnight WIT, not WIB). */
function daysOf(period: { from: Date; to: Date }, timeZone: string): { from: string; to: string } {
  return { from: localDateOf(period.from, timeZone), to: localDateOf(period.to, timeZone) };
}

/** Rebuilds every rollup row from the raw ratings in one set-based pass, in one transaction. */
export async function rebuildRollups(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`lock table ratings in share mode`.execute(trx);
    await sql`delete from rating_daily`.execute(trx);
    await sql`
      insert into rating_daily (day, agency_id, unit_id, counter_id, service_id, officer_id, attributed, verified, status,
        n, quick_n, quick_sum, full_n, ${sql.join(SUM_COLUMNS.map((column) => sql.ref(column)))}, os_n, os_sum, os_sumsq)
      select (r.submitted_at at time zone a.time_zone)::date, r.agency_id, r.unit_id, r.counter_id, r.service_id, coalesce(r.officer_id, 0),
        (r.officer_id is not null and not r.officer_attribution_removed), r.verified, r.status,
        count(*), count(r.quick_score), coalesce(sum(r.quick_score), 0), count(*) filter (where r.kind = 'full'),
        ${sql.join(ELEMENT_CODES.flatMap((code) => [sql`count(r.${sql.ref(code.toLowerCase())})`, sql`coalesce(sum(r.${sql.ref(code.toLowerCase())}), 0)`]))},
        count(rating_officer_score(r)), coalesce(sum(rating_officer_score(r)), 0), coalesce(sum(rating_officer_score(r) ^ 2), 0)
      from ratings r join agencies a on a.id = r.agency_id
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9
      -- Written in the primary key's order, so a unit's days sit together on disk and a period reads few pages.
      order by r.unit_id, 1`.execute(trx);
  });
}

/** Differences between the rollups and a fresh aggregation of the raw table (empty when they agree). */
export async function rollupDifferences(db: Kysely<Database>): Promise<{ key: string; column: string; rollup: number; raw: number }[]> {
  const columns = ["n", "full_n", "quick_n", "quick_sum", ...SUM_COLUMNS, "os_n", "os_sum"];
  const rawSelect = sql`
    select (r.submitted_at at time zone a.time_zone)::date as day, r.unit_id, r.counter_id, r.service_id, coalesce(r.officer_id, 0) as officer_id,
      (r.officer_id is not null and not r.officer_attribution_removed) as attributed, r.verified, r.status,
      count(*) as n, count(*) filter (where r.kind = 'full') as full_n, count(r.quick_score) as quick_n, coalesce(sum(r.quick_score), 0) as quick_sum,
      ${sql.join(ELEMENT_CODES.flatMap((code) => [sql`count(r.${sql.ref(code.toLowerCase())}) as ${sql.ref(`${code.toLowerCase()}_n`)}`, sql`coalesce(sum(r.${sql.ref(code.toLowerCase())}), 0) as ${sql.ref(`${code.toLowerCase()}_sum`)}`]))},
      count(rating_officer_score(r)) as os_n, coalesce(sum(rating_officer_score(r)), 0) as os_sum
    from ratings r join agencies a on a.id = r.agency_id
    group by 1, 2, 3, 4, 5, 6, 7, 8`;
  const result = await sql<Record<string, number | string | boolean>>`
    with raw as (${rawSelect}),
    rolled as (select * from rating_daily where n <> 0)
    select coalesce(raw.day, rolled.day)::text as day, coalesce(raw.counter_id, rolled.counter_id) as counter_id,
      coalesce(raw.officer_id, rolled.officer_id) as officer_id, coalesce(raw.status, rolled.status) as status,
      ${sql.join(columns.map((column) => sql`coalesce(rolled.${sql.ref(column)}, 0)::float8 as ${sql.ref(`rolled_${column}`)}, coalesce(raw.${sql.ref(column)}, 0)::float8 as ${sql.ref(`raw_${column}`)}`))}
    from raw full join rolled using (day, unit_id, counter_id, service_id, officer_id, attributed, verified, status)
    where ${sql.join(columns.map((column) => sql`coalesce(rolled.${sql.ref(column)}, 0) <> coalesce(raw.${sql.ref(column)}, 0)`), sql` or `)}
    limit 100`.execute(db);
  return result.rows.flatMap((row) =>
    columns
      .filter((column) => row[`rolled_${column}`] !== row[`raw_${column}`])
      .map((column) => ({
        key: `${row.day} counter ${row.counter_id} officer ${row.officer_id} ${row.status}`,
        column,
        rollup: Number(row[`rolled_${column}`]),
        raw: Number(row[`raw_${column}`]),
      })),
  );
}

/**
 * An officer's comments for the comment batches, each with the Monday of the week it joined (the server received
 * the rating, or a reviewer kept a held-back one) and of the week an upheld contest removed it, in the agency's time
 * zone. All of them, whatever period the page shows: the batches sit on a fixed grid.
 */
export async function officerCommentsForBatches(db: Kysely<Database>, officerId: number) {
  const rows = await sql<{ id: number; week: string; removedWeek: string | null; comment: string }>`
    select r.id, r.comment,
      date_trunc('week', (coalesce(r.kept_at, r.received_at) at time zone a.time_zone)::date)::date as week,
      case when r.officer_attribution_removed then date_trunc('week', (coalesce(removal.at, now()) at time zone a.time_zone)::date)::date end as "removedWeek"
    from ratings r join agencies a on a.id = r.agency_id
    left join lateral (
      select max(c.decided_at) as at from rating_contests c where c.rating_id = r.id and c.officer_id = ${officerId} and c.status = 'upheld'
    ) removal on r.officer_attribution_removed
    where r.officer_id = ${officerId} and r.status = 'valid' and r.comment is not null and btrim(r.comment) <> ''`.execute(db);
  return rows.rows;
}
