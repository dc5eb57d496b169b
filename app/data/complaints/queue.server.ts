import { sql } from "kysely";
import { NAMED_OFFICER_SEES, queueRoleOf, queueScopeOf } from "~/domain/access/complaints";
import { runningDeadline, type ComplaintCategory, type ComplaintStatus, type Visibility } from "~/domain/complaint-lifecycle";
import { formatTrackingCode, normaliseTrackingCode } from "~/domain/complaint-tracking-code";
import { pageOf, type Paged } from "~/domain/paging";
import { DEFAULT_TIME_ZONE, dueStatus, type DueStatus } from "~/domain/working-days";
import { holidayCalendarsFor } from "../holidays.server";
import { OPEN_STATUSES, STATE_COLUMNS, stateOf, type Db, type StaffActor } from "./rows.server";
import { containing } from "../text-search.server";

// The staff complaint queue. Read only: no transaction. The scope, status, unit, category and search are
// filtered in SQL; the running deadlines (working days in each agency's calendar) are computed for the
// matching rows from their lifecycle columns only, which are then sorted by them and paged, so "late" and the
// order by deadline stay exact however many complaints there are; the report's excerpt and the names are read
// for the rows of the page shown.

export const QUEUE_PAGE_SIZE = 50;

export interface QueueFilter {
  status?: ComplaintStatus | "open" | "all";
  /** "late": only complaints whose running clock has passed; "escalated": only escalated ones. */
  only?: "late" | "due" | "escalated" | "mine";
  /** A tracking code (whole or part, with or without dashes) or words of the report. */
  search?: string;
  /** Complaints filed with or forwarded to this unit or its subtree. */
  unitId?: number;
  category?: ComplaintCategory;
}

export interface QueueRow {
  id: number;
  trackingCode: string;
  submittedAt: Date;
  status: ComplaintStatus;
  category: ComplaintCategory;
  visibility: Visibility;
  lateFiling: boolean;
  escalated: boolean;
  receivedUnitName: string;
  responsibleUnitName: string | null;
  officerName: string | null;
  excerpt: string;
  due: Date | null;
  stage: "verification" | "follow_up" | "auto_close" | null;
  dueStatus: DueStatus | null;
  /** Why this user sees it: as the unit's handler, the responsible unit's supervisor, or the named officer. */
  as: "handler" | "supervisor" | "officer";
}

/** Where a complaint stands in the queue: enough to filter by lateness, sort and page, without the report. */
interface QueuePlace {
  id: number;
  submittedAt: Date;
  due: Date | null;
  stage: QueueRow["stage"];
  dueStatus: DueStatus | null;
  as: QueueRow["as"];
}

/**
 * The matching complaints' places in the queue, sorted by the running deadline (late first, then due today, then
 * the rest). Only the lifecycle columns are read here; the report, the names and the units come for one page.
 */
async function queuePlaces(db: Db, user: StaffActor, filter: QueueFilter, now: Date): Promise<QueuePlace[]> {
  const scope = queueScopeOf(user);
  if (!scope) return [];
  const { handlerPaths, supervisorPaths, officerId } = scope;

  let query = db
    .selectFrom("complaints")
    .innerJoin("units as received", "received.id", "complaints.received_unit_id")
    .innerJoin("agencies", "agencies.id", "complaints.agency_id")
    .leftJoin("units as responsible", "responsible.id", "complaints.unit_id")
    .select(STATE_COLUMNS.map((column) => `complaints.${column}` as const))
    .select(["complaints.id", "complaints.agency_id", "received.path as receivedPath", "responsible.path as responsiblePath", "agencies.time_zone as timeZone"])
    .where((eb) => {
      const conditions = [
        ...handlerPaths.flatMap((p) => [eb("received.path", "like", `${p}%`), eb("responsible.path", "like", `${p}%`)]),
        // A supervisor sees their units' complaints: forwarded to them, or filed with them and not yet forwarded.
        ...supervisorPaths.flatMap((p) => [eb("responsible.path", "like", `${p}%`), eb.and([eb("complaints.unit_id", "is", null), eb("received.path", "like", `${p}%`)])]),
      ];
      if (officerId !== null) conditions.push(eb.and([eb("complaints.officer_id", "=", officerId), eb("complaints.status", "in", NAMED_OFFICER_SEES)]));
      return eb.or(conditions);
    });
  const status = filter.status ?? "open";
  if (status === "open") query = query.where("complaints.status", "in", OPEN_STATUSES);
  else if (status !== "all") query = query.where("complaints.status", "=", status);
  if (filter.only === "escalated") query = query.where("complaints.escalated", "=", true);
  if (filter.category) query = query.where((eb) => eb(eb.fn.coalesce("complaints.category", "complaints.reported_category"), "=", filter.category!));
  if (filter.unitId !== undefined) {
    const unit = await db.selectFrom("units").select("path").where("id", "=", filter.unitId).executeTakeFirst();
    if (!unit) return [];
    query = query.where((eb) => eb.or([eb("received.path", "like", `${unit.path}%`), eb("responsible.path", "like", `${unit.path}%`)]));
  }
  const search = filter.search?.trim() ?? "";
  if (search !== "") {
    const code = normaliseTrackingCode(search);
    const compact = search.toUpperCase().replace(/[\s\-–.]/g, "");
    query = code
      ? query.where("complaints.tracking_code", "=", code)
      : query.where((eb) =>
          eb.or([
            ...(/^[0-9A-Z]{3,}$/.test(compact) ? [eb("complaints.tracking_code", "like", `%${compact}%`)] : []),
            eb("complaints.body", "ilike", containing(search)),
          ]),
        );
  }
  const rows = await query.orderBy("complaints.submitted_at").orderBy("complaints.id").execute();

  const calendars = await holidayCalendarsFor(db, [...new Set(rows.map((row) => row.agency_id))]);
  const places: QueuePlace[] = rows.map((row) => {
    const zone = row.timeZone || DEFAULT_TIME_ZONE;
    const running = runningDeadline(stateOf(row), calendars.get(row.agency_id)!, zone);
    return {
      id: row.id,
      submittedAt: row.submitted_at,
      due: running?.due ?? null,
      stage: running?.stage ?? null,
      dueStatus: running ? dueStatus(running.due, now, zone) : null,
      as: queueRoleOf(scope, row.receivedPath, row.responsiblePath),
    };
  });
  const filtered = places.filter((row) =>
    filter.only === "late" ? row.dueStatus === "late" : filter.only === "due" ? row.dueStatus === "due_today" || row.dueStatus === "late" : filter.only === "mine" ? row.as === "officer" : true,
  );
  const rank = (row: QueuePlace) => (row.dueStatus === "late" ? 0 : row.dueStatus === "due_today" ? 1 : row.due ? 2 : 3);
  return filtered.sort((a, b) => rank(a) - rank(b) || (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity) || a.submittedAt.getTime() - b.submittedAt.getTime() || a.id - b.id);
}

/** The rows of these places, in their order: the report's excerpt, the units' and officer's names. */
async function queueRowsOf(db: Db, places: readonly QueuePlace[]): Promise<QueueRow[]> {
  if (places.length === 0) return [];
  const details = await db
    .selectFrom("complaints")
    .innerJoin("units as received", "received.id", "complaints.received_unit_id")
    .leftJoin("units as responsible", "responsible.id", "complaints.unit_id")
    .leftJoin("officers", "officers.id", "complaints.officer_id")
    .select([
      "complaints.id",
      "complaints.tracking_code",
      "complaints.status",
      "complaints.category",
      "complaints.reported_category",
      "complaints.visibility",
      "complaints.late_filing",
      "complaints.escalated",
      sql<string>`left(complaints.body, 141)`.as("bodyStart"),
      "received.name as receivedUnitName",
      "responsible.name as responsibleUnitName",
      "officers.name as officerName",
    ])
    .where("complaints.id", "in", places.map((place) => place.id))
    .execute();
  const byId = new Map(details.map((row) => [row.id, row]));
  return places.map((place) => {
    const row = byId.get(place.id)!;
    return {
      id: row.id,
      trackingCode: formatTrackingCode(row.tracking_code),
      submittedAt: place.submittedAt,
      status: row.status,
      category: row.category ?? row.reported_category,
      visibility: row.visibility,
      lateFiling: row.late_filing,
      escalated: row.escalated,
      receivedUnitName: row.receivedUnitName,
      responsibleUnitName: row.responsibleUnitName,
      officerName: row.officerName,
      excerpt: row.bodyStart.length > 140 ? `${row.bodyStart.slice(0, 140)}…` : row.bodyStart,
      due: place.due,
      stage: place.stage,
      dueStatus: place.dueStatus,
      as: place.as,
    };
  });
}

/**
 * A staff member's complaint queue, sorted by the running deadline (late first, then due today, then the
 * rest). Handlers see complaints filed with or forwarded to units in their scope; supervisors those of
 * their units; an officer those that name them after forwarding (without the reporter's details).
 */
export async function complaintQueue(db: Db, user: StaffActor, filter: QueueFilter, now: Date): Promise<QueueRow[]> {
  return queueRowsOf(db, await queuePlaces(db, user, filter, now));
}

/** One page of the queue, with the total, for the queue page: the report and names are read for that page only. */
export async function complaintQueuePage(db: Db, user: StaffActor, filter: QueueFilter, page: number, now: Date): Promise<Paged<QueueRow>> {
  const places = pageOf(await queuePlaces(db, user, filter, now), page, QUEUE_PAGE_SIZE);
  return { ...places, rows: await queueRowsOf(db, places.rows) };
}

/** How many complaints of the queue are late and due today (the late ones not counted again), for the landing page. */
export async function queueDueCounts(db: Db, user: StaffActor, now: Date): Promise<{ late: number; dueToday: number }> {
  const places = await queuePlaces(db, user, { status: "open" }, now);
  return { late: places.filter((place) => place.dueStatus === "late").length, dueToday: places.filter((place) => place.dueStatus === "due_today").length };
}

/** The units a user's queue can be narrowed to: those of their handler and supervisor grants, with subunits. */
export async function queueUnits(db: Db, user: StaffActor) {
  const scope = queueScopeOf(user);
  const paths = scope ? [...scope.handlerPaths, ...scope.supervisorPaths] : [];
  if (paths.length === 0) return [];
  return db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.name", "agencies.name as agencyName"])
    .where((eb) => eb.or(paths.map((p) => eb("units.path", "like", `${p}%`))))
    .orderBy("agencies.name")
    .orderBy("units.path")
    .execute();
}
