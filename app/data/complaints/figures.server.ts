import { sql } from "kysely";
import { formatTrackingCode } from "~/domain/complaint-tracking-code";
import { computeComplaintFigures, type ComplaintFigures } from "~/domain/indicators/complaint-figures";
import { DEFAULT_TIME_ZONE, workingDaysBetween, type HolidayCalendar } from "~/domain/working-days";
import { str, type Db } from "./rows.server";

// What leaves the complaint desk: the public list of a unit's complaints and the figures the indicator
// pages and the evidence pack use. Read only: no transaction.

/**
 * A unit's complaints as the public may see them: never confidential ones (rahasia), never a reporter's
 * contact, a name only when the reporter chose a public report and agreed to be named; only after the
 * handler has verified them (unverified text is not published). `unitId` covers the unit's subtree.
 */
// What of a complaint the public may see, in one place for the unit page and the open-data API: public and
// anonymous complaints once verified (never confidential ones), the reporter's name only when it is public and the
// reporter agreed to show it.
export const PUBLIC_VISIBILITIES = ["public", "anonim"] as const;
export const PUBLICLY_SHOWN_STATUSES = [
  "terverifikasi",
  "diteruskan",
  "ditindaklanjuti",
  "ditanggapi",
  "selesai",
] as const;
export const publicReporterName = sql<
  string | null
>`case when complaints.visibility = 'public' and complaint_contacts.show_name then complaint_contacts.name end`;

export async function publicComplaintsOfUnit(db: Db, unitId: number, options: { limit?: number } = {}) {
  const unit = await db.selectFrom("units").select("path").where("id", "=", unitId).executeTakeFirst();
  if (!unit) return [];
  const rows = await db
    .selectFrom("complaints")
    .innerJoin("units as received", "received.id", "complaints.received_unit_id")
    .leftJoin("units as responsible", "responsible.id", "complaints.unit_id")
    .leftJoin("complaint_contacts", "complaint_contacts.complaint_id", "complaints.id")
    .select([
      "complaints.submitted_at as submittedAt",
      "complaints.status",
      "complaints.category",
      "complaints.visibility",
      "complaints.body",
      "received.name as unitName",
      "responsible.name as responsibleUnitName",
      publicReporterName.as("reporterName"),
      (eb) =>
        eb
          .selectFrom("complaint_events")
          .select("complaint_events.details")
          .whereRef("complaint_events.complaint_id", "=", "complaints.id")
          .where("complaint_events.type", "=", "follow_up")
          .orderBy("complaint_events.id", "desc")
          .limit(1)
          .as("followUp"),
    ])
    .where("complaints.visibility", "in", PUBLIC_VISIBILITIES)
    .where("complaints.status", "in", PUBLICLY_SHOWN_STATUSES)
    .where((eb) =>
      eb.or([eb("received.path", "like", `${unit.path}%`), eb("responsible.path", "like", `${unit.path}%`)]),
    )
    .orderBy("complaints.submitted_at", "desc")
    .limit(options.limit ?? 50)
    .execute();
  // The tracking code stays with the citizen: whoever holds it can answer on the citizen's behalf.
  return rows.map(({ followUp, visibility, reporterName, ...row }) => ({
    ...row,
    reporterName: visibility === "public" ? reporterName : null,
    followUp:
      followUp && typeof followUp === "object" && "text" in followUp
        ? String((followUp as { text: unknown }).text)
        : null,
  }));
}

export interface ComplaintFigureScope {
  unitPaths?: string[];
  unitId?: number;
  officerId?: number;
  /** Only complaints that name this service. */
  serviceId?: number;
  from: Date;
  to: Date;
  ratingCount: number;
}

/**
 * Complaint-handling figures (indicators) for units or an officer over [from, to), from the complaints
 * received in that period; `calendar` counts the working days. Archived and "not our authority" ones are
 * left out of the handling shares (they never reached a unit) but still count as complaints.
 */
export async function complaintFiguresFor(
  db: Db,
  scope: ComplaintFigureScope,
  calendar: HolidayCalendar,
  asOf: Date = scope.to,
): Promise<ComplaintFigures> {
  let paths = scope.unitPaths ?? [];
  if (scope.unitId !== undefined) {
    const unit = await db.selectFrom("units").select("path").where("id", "=", scope.unitId).executeTakeFirst();
    paths = unit ? [...paths, unit.path] : paths;
    if (!unit && paths.length === 0 && scope.officerId === undefined)
      return computeComplaintFigures([], {
        ratingCount: scope.ratingCount,
        workingDaysBetween: (a, b) => workingDaysBetween(a, b, calendar),
        asOf,
      });
  }
  let query = db
    .selectFrom("complaints")
    .innerJoin("units as received", "received.id", "complaints.received_unit_id")
    .leftJoin("units as responsible", "responsible.id", "complaints.unit_id")
    .innerJoin("agencies", "agencies.id", "complaints.agency_id")
    .select([
      "complaints.submitted_at",
      "complaints.verified_at",
      "complaints.forwarded_at",
      "complaints.followed_up_at",
      "complaints.closed_at",
      "complaints.officer_id",
      "complaints.upheld",
      "complaints.handling_rating",
      "complaints.status",
      "agencies.time_zone",
    ])
    .where("complaints.submitted_at", ">=", scope.from)
    .where("complaints.submitted_at", "<", scope.to);
  if (paths.length > 0) {
    query = query.where((eb) =>
      eb.or(
        paths.flatMap((p) => [
          eb("responsible.path", "like", `${p}%`),
          eb.and([eb("complaints.unit_id", "is", null), eb("received.path", "like", `${p}%`)]),
        ]),
      ),
    );
  }
  if (scope.officerId !== undefined) query = query.where("complaints.officer_id", "=", scope.officerId);
  if (scope.serviceId !== undefined) query = query.where("complaints.service_id", "=", scope.serviceId);
  const rows = await query.execute();
  const zone = rows[0]?.time_zone || DEFAULT_TIME_ZONE;
  return computeComplaintFigures(
    rows.map((row) => ({
      receivedAt: row.submitted_at,
      // Postponing, referring or archiving is the administrator's decision too; it stops the 3-day clock.
      verifiedAt:
        row.verified_at ?? (row.status === "bukan_wewenang" || row.status === "diarsipkan" ? row.closed_at : null),
      forwardedAt: row.forwarded_at,
      followedUpAt: row.followed_up_at,
      closedAt: row.closed_at,
      namesOfficer: row.officer_id !== null,
      upheld: row.upheld,
      handlingRating: row.handling_rating,
    })),
    { ratingCount: scope.ratingCount, workingDaysBetween: (a, b) => workingDaysBetween(a, b, calendar, zone), asOf },
  );
}

/** Complaints against an officer closed as upheld in [from, to), with the officer's replies (right of reply). */
export async function upheldComplaintsAgainstOfficer(db: Db, officerId: number, from: Date, to: Date) {
  const rows = await db
    .selectFrom("complaints")
    .leftJoin("units", "units.id", "complaints.unit_id")
    .select([
      "complaints.id",
      "complaints.tracking_code as trackingCode",
      "complaints.submitted_at as submittedAt",
      "complaints.closed_at as closedAt",
      "complaints.category",
      "complaints.body",
      "units.name as unitName",
    ])
    .where("complaints.officer_id", "=", officerId)
    .where("complaints.upheld", "=", true)
    .where("complaints.closed_at", ">=", from)
    .where("complaints.closed_at", "<", to)
    .orderBy("complaints.closed_at")
    .execute();
  if (rows.length === 0) return [];
  const replies = await db
    .selectFrom("complaint_events")
    .select(["complaint_id", "at", "details"])
    .where("type", "=", "officer_reply")
    .where(
      "complaint_id",
      "in",
      rows.map((row) => row.id),
    )
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    ...row,
    trackingCode: formatTrackingCode(row.trackingCode),
    replies: replies
      .filter((reply) => reply.complaint_id === row.id)
      .map((reply) => ({ at: reply.at, text: str(reply.details?.text) ?? "" })),
  }));
}
