import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { Database } from "../../db/schema";
import type { Channel, RatingStatus } from "../../db/tables/ratings";
import {
  runningDeadline,
  deadlinesFor,
  type ComplaintCategory,
  type ComplaintStatus,
  type Visibility,
} from "~/domain/complaint-lifecycle";
import { formatTrackingCode } from "~/domain/complaint-tracking-code";
import { ELEMENT_CODES, type ElementCode } from "~/domain/indicators/elements";
import { computeIkm, emptyTallies, type Mutu } from "~/domain/indicators/ikm";
import { weightsFromStored } from "~/domain/unit-settings";
import type { Period } from "~/domain/indicators/period";
import { dueStatus, type DueStatus } from "~/domain/working-days";
import { stateOf } from "./complaints/rows.server";
import { holidayCalendarFor } from "./holidays.server";
import type { Scope } from "./indicators.server";

// A supervisor's drill-down from a unit's indicators to one counter, service or officer: which of them the
// unit covers, the ratings with comments (with dates, never with the hashes kept for abuse control), and the
// complaints about them with the officer's replies (never the reporter's contact).

type Db = Kysely<Database>;

/** What a drill-down page is about: the figures of `scopeIndicators` for the same scope. */
export type DrilldownScope = Extract<Scope, { kind: "counter" | "service" | "officer" }>;

export interface DrilldownSubject {
  kind: DrilldownScope["kind"];
  id: number;
  name: string;
  /** The unit the counter, service or officer belongs to (the page's unit or one below it). */
  unitId: number;
  unitName: string;
  /** Retired counter, inactive service or officer. */
  inactive: boolean;
  /** Officers: their position. */
  position: string | null;
}

function subtreeOf(unitId: number) {
  return sql<string>`(select path from units where id = ${unitId}) || '%'`;
}

/**
 * The counter, service or officer when it belongs to the unit or a unit below it; null otherwise, so the page
 * answers 404 and a supervisor of another unit learns nothing about it.
 */
export async function subjectInUnit(db: Db, unitId: number, scope: DrilldownScope): Promise<DrilldownSubject | null> {
  const table = scope.kind === "counter" ? "counters" : scope.kind === "service" ? "services" : "officers";
  const id = scope.kind === "counter" ? scope.counterId : scope.kind === "service" ? scope.serviceId : scope.officerId;
  const row = await sql<{
    id: number;
    name: string;
    unit_id: number;
    unit_name: string;
    inactive: boolean;
    position: string | null;
  }>`
    select t.id, t.name, t.unit_id, u.name as unit_name,
      ${scope.kind === "counter" ? sql`t.retired_at is not null` : sql`not t.active`} as inactive,
      ${scope.kind === "officer" ? sql`t.position` : sql`null::text`} as position
    from ${sql.table(table)} t join units u on u.id = t.unit_id
    where t.id = ${id} and u.path like ${subtreeOf(unitId)}`.execute(db);
  const found = row.rows[0];
  if (!found) return null;
  return {
    kind: scope.kind,
    id: found.id,
    name: found.name,
    unitId: found.unit_id,
    unitName: found.unit_name,
    inactive: found.inactive,
    position: found.position,
  };
}

// ---- the unit page's list of counters and services ------------------------------------------------------

export interface BreakdownRow {
  id: number;
  name: string;
  unitName: string;
  inactive: boolean;
  /** Valid ratings in the period (quick and full). */
  ratings: number;
  fullSurveys: number;
  ikmUnit: number | null;
  mutu: Mutu | null;
}

const ELEMENT_SUMS = ELEMENT_CODES.map((code) => code.toLowerCase());

/**
 * Every counter and service of the unit's subtree with its valid ratings and IKM in the period (with the weights of
 * its own unit, so the figure is the one its drill-down page shows), from the daily rollups (a few hundred rows), for the links from the unit's indicator page to each drill-down.
 */
export async function unitBreakdown(
  db: Db,
  unitId: number,
  period: Pick<Period, "from" | "to">,
  options: { verifiedOnly?: boolean } = {},
): Promise<{ counters: BreakdownRow[]; services: BreakdownRow[] }> {
  const [counters, services] = await Promise.all(
    (["counter", "service"] as const).map(async (kind) => {
      const table = kind === "counter" ? "counters" : "services";
      const key = kind === "counter" ? "counter_id" : "service_id";
      const result = await sql<
        Record<string, number> & { id: number; name: string; unit_name: string; inactive: boolean; ikm_weights: Record<string, string> | null }
      >`
        select t.id, t.name, u.name as unit_name, u.ikm_weights,
          ${kind === "counter" ? sql`t.retired_at is not null` : sql`not t.active`} as inactive,
          coalesce(sum(d.n), 0)::int as n, coalesce(sum(d.full_n), 0)::int as full_n,
          ${sql.join(ELEMENT_SUMS.flatMap((column) => [sql`coalesce(sum(d.${sql.ref(`${column}_n`)}), 0)::int as ${sql.ref(`${column}_n`)}`, sql`coalesce(sum(d.${sql.ref(`${column}_sum`)}), 0)::int as ${sql.ref(`${column}_sum`)}`]))}
        from ${sql.table(table)} t
          join units u on u.id = t.unit_id
          left join rating_daily d on d.${sql.ref(key)} = t.id and d.day between ${period.from} and ${period.to} and d.status = 'valid'
            ${options.verifiedOnly ? sql`and d.verified` : sql``}
        where u.path like ${subtreeOf(unitId)}
        group by t.id, t.name, u.name, u.path, u.ikm_weights, inactive
        order by u.path, t.name`.execute(db);
      return (
        result.rows
          .map((row): BreakdownRow => {
            const tallies = emptyTallies();
            for (const code of ELEMENT_CODES)
              tallies[code] = { count: row[`${code.toLowerCase()}_n`]!, sum: row[`${code.toLowerCase()}_sum`]! };
            // The weights of the counter's or service's own unit, as its drill-down page (weightsOfScope) uses.
            const ikm = computeIkm(tallies, weightsFromStored(row.ikm_weights));
            return {
              id: row.id,
              name: row.name,
              unitName: row.unit_name,
              inactive: row.inactive,
              ratings: row.n!,
              fullSurveys: row.full_n!,
              ikmUnit: ikm.kind === "computed" ? ikm.ikmUnitRounded : null,
              mutu: ikm.kind === "computed" ? ikm.mutu : null,
            };
          })
          // Retired counters and inactive services are listed only when they were rated in the period.
          .filter((row) => !row.inactive || row.ratings > 0)
      );
    }),
  );
  return { counters: counters!, services: services! };
}

// ---- comments -------------------------------------------------------------------------------------------

export const COMMENT_PAGE_SIZE = 50;

export type Score = 1 | 2 | 3 | 4;

export interface CommentFilter {
  /** Only ratings that answered this element (with `score`: answered it with that score). */
  element: ElementCode | null;
  /**
   * With an element: that element's answer. Without: the rating's own value, the face of a quick rating or
   * the mean of a full survey's answers rounded half up.
   */
  score: Score | null;
}

export interface CommentRow {
  id: number;
  submittedAt: Date;
  channel: Channel;
  kind: "quick" | "full";
  quickScore: number | null;
  answers: Record<ElementCode, number | null>;
  /** The face of a quick rating, or the mean of a full survey's answers; null when nothing was answered. */
  value: number | null;
  comment: string;
  status: RatingStatus;
  /** Why the portal flagged it (flagged ratings wait for the review queue). */
  flagReasons: string[];
  statusReason: string | null;
  verified: boolean;
  /** An upheld contest took the rating out of the officer's figures (not the unit's). */
  attributionRemoved: boolean;
  counterId: number;
  counterName: string;
  serviceId: number;
  serviceName: string;
  officerId: number | null;
  officerName: string | null;
}

export interface CommentPage {
  rows: CommentRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** `submitted_at` between the period's first and last local day, in the agency's time zone (index-friendly). */
function withinLocalDays(
  column: Expression<unknown>,
  period: Pick<Period, "from" | "to">,
  timeZone: string,
): Expression<SqlBool> {
  return sql<SqlBool>`${column} >= (${period.from}::date)::timestamp at time zone ${timeZone}
    and ${column} < (${period.to}::date + 1)::timestamp at time zone ${timeZone}`;
}

function ratingScopeFilter(scope: DrilldownScope, unitId: number): Expression<SqlBool> {
  switch (scope.kind) {
    case "counter":
      return sql<SqlBool>`r.counter_id = ${scope.counterId}`;
    case "service":
      // Ratings carry no service index; the unit's own counters bound the scan (and the supervisor's scope).
      return sql<SqlBool>`r.service_id = ${scope.serviceId} and r.unit_id in (select id from units where path like ${subtreeOf(unitId)})`;
    case "officer":
      // Every rating naming the officer, also those an upheld contest took out of their figures (marked).
      return sql<SqlBool>`r.officer_id = ${scope.officerId}`;
  }
}

const ANSWERS = sql.join(ELEMENT_CODES.map((code) => sql.ref(`r.${code.toLowerCase()}`)));

function commentFilter(filter: CommentFilter): Expression<SqlBool> {
  if (filter.element) {
    const column = sql.ref(`r.${filter.element.toLowerCase()}`);
    return filter.score === null ? sql<SqlBool>`${column} is not null` : sql<SqlBool>`${column} = ${filter.score}`;
  }
  if (filter.score === null) return sql<SqlBool>`true`;
  // round() on numeric rounds halves away from zero, i.e. up on the 1..4 scale.
  return sql<SqlBool>`coalesce(r.quick_score, (select round(avg(v)) from unnest(array[${ANSWERS}]) v)::int) = ${filter.score}`;
}

/**
 * Ratings with a comment for the scope and local days of the period, newest first, one page at a time, with
 * their status (valid, flagged, excluded). Supervisors see dates; the batching that protects citizens applies
 * to the officer's own page. Nothing identifying is selected: there is no identity, and the hashes stay out.
 */
export async function scopeComments(
  db: Db,
  unitId: number,
  scope: DrilldownScope,
  period: Pick<Period, "from" | "to">,
  timeZone: string,
  filter: CommentFilter,
  page = 1,
  pageSize = COMMENT_PAGE_SIZE,
): Promise<CommentPage> {
  const where = sql<SqlBool>`${ratingScopeFilter(scope, unitId)} and ${withinLocalDays(sql.ref("r.submitted_at"), period, timeZone)}
    and r.comment is not null and btrim(r.comment) <> '' and ${commentFilter(filter)}`;
  const total =
    (await sql<{ n: number }>`select count(*)::int as n from ratings r where ${where}`.execute(db)).rows[0]?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const result = await sql<
    {
      id: number;
      submitted_at: Date;
      channel: Channel;
      kind: "quick" | "full";
      quick_score: number | null;
      comment: string;
      status: RatingStatus;
      flag_reasons: string[];
      status_reason: string | null;
      verified: boolean;
      officer_attribution_removed: boolean;
      counter_id: number;
      counter_name: string;
      service_id: number;
      service_name: string;
      officer_id: number | null;
      officer_name: string | null;
    } & Record<string, number | null>
  >`
    select r.id, r.submitted_at, r.channel, r.kind, r.quick_score, ${ANSWERS}, r.comment, r.status, r.flag_reasons, r.status_reason, r.verified,
      r.officer_attribution_removed, r.counter_id, c.name as counter_name, r.service_id, s.name as service_name,
      r.officer_id, o.name as officer_name
    from ratings r
      join counters c on c.id = r.counter_id
      join services s on s.id = r.service_id
      left join officers o on o.id = r.officer_id
    where ${where}
    order by r.submitted_at desc, r.id desc
    limit ${pageSize} offset ${(current - 1) * pageSize}`.execute(db);
  const rows = result.rows.map((row): CommentRow => {
    const answers = Object.fromEntries(ELEMENT_CODES.map((code) => [code, row[code.toLowerCase()] ?? null])) as Record<
      ElementCode,
      number | null
    >;
    const answered = ELEMENT_CODES.map((code) => answers[code]).filter((value): value is number => value !== null);
    return {
      id: row.id,
      submittedAt: row.submitted_at,
      channel: row.channel,
      kind: row.kind,
      quickScore: row.quick_score,
      answers,
      value:
        row.quick_score ??
        (answered.length > 0 ? answered.reduce((total, value) => total + value, 0) / answered.length : null),
      comment: row.comment,
      status: row.status,
      flagReasons: row.flag_reasons,
      statusReason: row.status_reason,
      verified: row.verified,
      attributionRemoved: row.officer_attribution_removed,
      counterId: row.counter_id,
      counterName: row.counter_name,
      serviceId: row.service_id,
      serviceName: row.service_name,
      officerId: row.officer_id,
      officerName: row.officer_name,
    };
  });
  return { rows, total, page: current, pageCount, pageSize };
}

// ---- complaints -----------------------------------------------------------------------------------------

export interface DrilldownComplaint {
  id: number;
  trackingCode: string;
  submittedAt: Date;
  status: ComplaintStatus;
  category: ComplaintCategory;
  visibility: Visibility;
  body: string;
  counterName: string | null;
  serviceName: string | null;
  /** The officer the citizen named, and the officer the handler gave the right of reply. */
  reportedOfficerName: string | null;
  officerName: string | null;
  responsibleUnitName: string | null;
  escalated: boolean;
  lateFiling: boolean;
  /** The clock running now, if any. */
  running: { stage: "verification" | "follow_up" | "auto_close"; due: Date; status: DueStatus } | null;
  /** Whether a step already taken was taken after its deadline. */
  verifiedLate: boolean;
  followedUpLate: boolean;
  closedAt: Date | null;
  upheld: boolean | null;
  replies: { at: Date; text: string }[];
}

/** At most this many complaints are listed; the count says how many there are. */
export const COMPLAINT_LIST_LIMIT = 200;

/**
 * Complaints filed in the period about the counter, service or officer (named by the citizen or given the right
 * of reply), that the unit's supervisor may open: forwarded to a unit of the subtree, or filed with one and not
 * yet forwarded (as `complaintForStaff`). Reporter contacts and attachments are not read at all.
 */
export async function scopeComplaints(
  db: Db,
  unitId: number,
  scope: DrilldownScope,
  period: Pick<Period, "from" | "to">,
  timeZone: string,
  now: Date,
): Promise<{ total: number; complaints: DrilldownComplaint[] }> {
  const base = db
    .selectFrom("complaints")
    .innerJoin("units as received", "received.id", "complaints.received_unit_id")
    .leftJoin("units as responsible", "responsible.id", "complaints.unit_id")
    .where((eb) =>
      scope.kind === "counter"
        ? eb("complaints.counter_id", "=", scope.counterId)
        : scope.kind === "service"
          ? eb("complaints.service_id", "=", scope.serviceId)
          : eb.or([
              eb("complaints.officer_id", "=", scope.officerId),
              eb("complaints.reported_officer_id", "=", scope.officerId),
            ]),
    )
    .where(withinLocalDays(sql.ref("complaints.submitted_at"), period, timeZone))
    .where((eb) =>
      eb.or([
        eb("responsible.path", "like", subtreeOf(unitId)),
        eb.and([eb("complaints.unit_id", "is", null), eb("received.path", "like", subtreeOf(unitId))]),
      ]),
    );
  const [count, list] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base
      .leftJoin("counters", "counters.id", "complaints.counter_id")
      .leftJoin("services", "services.id", "complaints.service_id")
      .leftJoin("officers as reported", "reported.id", "complaints.reported_officer_id")
      .leftJoin("officers as named", "named.id", "complaints.officer_id")
      .selectAll("complaints")
      .select([
        "responsible.name as responsibleName",
        "counters.name as counterName",
        "services.name as serviceName",
        "reported.name as reportedOfficerName",
        "named.name as officerName",
      ])
      .orderBy("complaints.submitted_at", "desc")
      .orderBy("complaints.id", "desc")
      .limit(COMPLAINT_LIST_LIMIT)
      .execute(),
  ]);
  const total = Number(count.n);
  if (list.length === 0) return { total, complaints: [] };
  const [calendar, replies] = await Promise.all([
    holidayCalendarFor(db, list[0]!.agency_id),
    db
      .selectFrom("complaint_events")
      .select(["complaint_id", "at", "details"])
      .where("type", "=", "officer_reply")
      .where(
        "complaint_id",
        "in",
        list.map((row) => row.id),
      )
      .orderBy("id")
      .execute(),
  ]);
  const complaints = list.map((row): DrilldownComplaint => {
    const state = stateOf(row);
    const running = runningDeadline(state, calendar, timeZone);
    const deadlines = deadlinesFor(state, calendar, timeZone);
    return {
      id: row.id,
      trackingCode: formatTrackingCode(row.tracking_code),
      submittedAt: row.submitted_at,
      status: row.status,
      category: row.category ?? row.reported_category,
      visibility: row.visibility,
      body: row.body,
      counterName: row.counterName,
      serviceName: row.serviceName,
      reportedOfficerName: row.reportedOfficerName,
      officerName: row.officerName,
      responsibleUnitName: row.responsibleName,
      escalated: row.escalated,
      lateFiling: row.late_filing,
      running: running
        ? { stage: running.stage, due: running.due, status: dueStatus(running.due, now, timeZone) }
        : null,
      verifiedLate: state.verifiedAt !== null && state.verifiedAt > deadlines.verificationDue,
      followedUpLate:
        state.followedUpAt !== null && deadlines.followUpDue !== null && state.followedUpAt > deadlines.followUpDue,
      closedAt: row.closed_at,
      upheld: row.upheld,
      replies: replies
        .filter((reply) => reply.complaint_id === row.id)
        .map((reply) => ({ at: reply.at, text: typeof reply.details?.text === "string" ? reply.details.text : "" }))
        .filter((reply) => reply.text !== ""),
    };
  });
  return { total, complaints };
}
