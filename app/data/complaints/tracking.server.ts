import { ALLOWED_FROM, deadlinesFor, runningDeadline, shouldShowOmbudsmanNotice, type ComplaintStatus, type HandlingRating } from "~/domain/complaint-lifecycle";
import { formatTrackingCode } from "~/domain/complaint-tracking-code";
import { DEFAULT_TIME_ZONE, dueStatus } from "~/domain/working-days";
import { holidayCalendarFor } from "../holidays.server";
import { applyEvent, type ActResult } from "./steps.server";
import { stateOf, str, type Db } from "./rows.server";

// The citizen's side after filing: the tracking page (read only) and the answer to the follow-up (one
// step through the state machine, which opens its own transaction). Lookups are limited per client address by the
// route, with the shared limiter (LIMITS.tracking in ../rate-limits.server.ts).

export interface PublicEvent {
  at: Date;
  type: string;
  toStatus: ComplaintStatus;
  /** Texts meant for the citizen: the unit's follow-up, the reason for postponing, where to go instead. */
  text: string | null;
  satisfied?: boolean;
  handlingRating?: number | null;
  archiveReason?: string | null;
}

/** What the citizen's tracking page shows: no staff names, no officer's reply text, no contact. */
export async function trackComplaint(db: Db, trackingCode: string, now: Date) {
  const row = await db.selectFrom("complaints").selectAll().where("tracking_code", "=", trackingCode).executeTakeFirst();
  if (!row) return null;
  const [unit, responsible, events, calendar] = await Promise.all([
    db.selectFrom("units").innerJoin("agencies", "agencies.id", "units.agency_id").select(["units.name", "agencies.name as agencyName", "agencies.time_zone as timeZone"]).where("units.id", "=", row.received_unit_id).executeTakeFirstOrThrow(),
    row.unit_id === null ? undefined : db.selectFrom("units").select("name").where("id", "=", row.unit_id).executeTakeFirst(),
    db.selectFrom("complaint_events").select(["at", "type", "to_status", "details"]).where("complaint_id", "=", row.id).orderBy("id").execute(),
    holidayCalendarFor(db, row.agency_id),
  ]);
  const state = stateOf(row);
  const zone = unit.timeZone || DEFAULT_TIME_ZONE;
  const deadlines = deadlinesFor(state, calendar, zone);
  const running = runningDeadline(state, calendar, zone);
  const history: PublicEvent[] = events
    .filter((event) => event.type !== "set_visibility")
    .map((event) => {
      const details = event.details ?? {};
      const text =
        event.type === "follow_up"
          ? str(details.text)
          : event.type === "postpone"
            ? str(details.reason)
            : event.type === "not_our_authority"
              ? str(details.referTo)
              : event.type === "citizen_response"
                ? str(details.reason)
                : null;
      return {
        at: event.at,
        type: event.type,
        toStatus: event.to_status,
        text,
        satisfied: event.type === "citizen_response" ? Boolean(details.satisfied) : undefined,
        handlingRating: event.type === "citizen_response" ? (typeof details.handlingRating === "number" ? details.handlingRating : null) : undefined,
        archiveReason: event.type === "archive" ? str(details.reason) : undefined,
      };
    });
  return {
    trackingCode: formatTrackingCode(row.tracking_code),
    status: row.status,
    category: row.category ?? row.reported_category,
    body: row.body,
    visitDate: await visitDateText(db, row.id),
    lateFiling: row.late_filing,
    visibility: row.visibility,
    submittedAt: row.submitted_at,
    unitName: unit.name,
    agencyName: unit.agencyName,
    responsibleUnitName: responsible?.name ?? null,
    timeZone: zone,
    history,
    deadlines: {
      verificationDue: deadlines.verificationDue,
      followUpDue: deadlines.followUpDue,
      autoCloseAt: deadlines.autoCloseAt,
    },
    running: running ? { stage: running.stage, due: running.due, status: dueStatus(running.due, now, zone) } : null,
    mayRespond: ALLOWED_FROM.citizen_response.includes(row.status),
    reopenCount: row.reopen_count,
    showOmbudsman: shouldShowOmbudsmanNotice(state),
    closure: row.closure_kind,
  };
}

export type TrackingView = NonNullable<Awaited<ReturnType<typeof trackComplaint>>>;

async function visitDateText(db: Db, complaintId: number): Promise<string> {
  const row = await db.selectFrom("complaints").select("visit_date as date").where("id", "=", complaintId).executeTakeFirstOrThrow();
  return row.date;
}

/** The citizen's answer to the follow-up, from the tracking page (the code is their only key). */
export async function respondAsCitizen(
  db: Db,
  trackingCode: string,
  answer: { satisfied: boolean; reason?: string | null; handlingRating?: HandlingRating | null },
  now: Date,
): Promise<ActResult> {
  const complaint = await db.selectFrom("complaints").select("id").where("tracking_code", "=", trackingCode).executeTakeFirst();
  if (!complaint) return { ok: false, reason: "not_found" };
  if (!answer.satisfied && !answer.reason?.trim()) return { ok: false, reason: "missing_text" };
  return applyEvent(db, complaint.id, { role: "citizen" }, null, {
    type: "citizen_response",
    satisfied: answer.satisfied,
    reason: answer.reason ?? undefined,
    handlingRating: answer.handlingRating ?? undefined,
  }, now);
}
