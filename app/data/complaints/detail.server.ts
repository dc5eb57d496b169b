import { actorForStep, viewerOf } from "~/domain/access/complaints";
import { ALLOWED_FROM, deadlinesFor, runningDeadline, type ComplaintEventType } from "~/domain/complaint-lifecycle";
import { formatTrackingCode } from "~/domain/complaint-tracking-code";
import { dueStatus } from "~/domain/working-days";
import { holidayCalendarFor } from "../holidays.server";
import { agencyZone, placeOf, stateOf, type Db, type StaffActor } from "./rows.server";

// One complaint as a staff member sees it, with the steps they may take now. Read only: no transaction.

/**
 * One complaint as a staff member may see it, with the steps they may take now; null when it is outside
 * their scope (the page answers 404). The reporter's contact goes only to complaint handlers of the units
 * concerned; the named officer sees neither contact, attachments nor the event actors.
 */
export async function complaintForStaff(db: Db, user: StaffActor, complaintId: number, now: Date) {
  const row = await db.selectFrom("complaints").selectAll().where("id", "=", complaintId).executeTakeFirst();
  if (!row) return null;
  const place = await placeOf(db, row);
  const viewer = viewerOf(user, place);
  if (!viewer) return null;
  const { isHandler, isSupervisor, isNamedOfficer, seesReporter } = viewer;

  const [units, events, contact, attachments, calendar, zone, extra] = await Promise.all([
    db.selectFrom("units").select(["id", "name"]).where("id", "in", [row.received_unit_id, ...(row.unit_id ? [row.unit_id] : [])]).execute(),
    db
      .selectFrom("complaint_events")
      .leftJoin("users", "users.id", "complaint_events.actor_user_id")
      .select(["complaint_events.id", "complaint_events.at", "complaint_events.type", "complaint_events.actor_role as actorRole", "complaint_events.from_status as fromStatus", "complaint_events.to_status as toStatus", "complaint_events.details", "users.display_name as actorName"])
      .where("complaint_events.complaint_id", "=", row.id)
      .orderBy("complaint_events.id")
      .execute(),
    viewer.seesContact ? db.selectFrom("complaint_contacts").select(["name", "phone", "email", "show_name as showName"]).where("complaint_id", "=", row.id).executeTakeFirst() : undefined,
    seesReporter ? db.selectFrom("complaint_attachments").select(["id", "original_name as name", "media_type as mediaType", "size_bytes as size"]).where("complaint_id", "=", row.id).orderBy("id").execute() : [],
    holidayCalendarFor(db, row.agency_id),
    agencyZone(db, row.agency_id),
    db
      .selectFrom("complaints")
      .leftJoin("counters", "counters.id", "complaints.counter_id")
      .leftJoin("services", "services.id", "complaints.service_id")
      .leftJoin("officers as reported", "reported.id", "complaints.reported_officer_id")
      .leftJoin("officers as named", "named.id", "complaints.officer_id")
      .select(["counters.name as counterName", "services.name as serviceName", "reported.name as reportedOfficerName", "named.name as officerName", "complaints.visit_date as visitDate"])
      .where("complaints.id", "=", row.id)
      .executeTakeFirstOrThrow(),
  ]);
  const state = stateOf(row);
  const running = runningDeadline(state, calendar, zone);
  const possible = (type: ComplaintEventType) => ALLOWED_FROM[type].includes(row.status) && actorForStep(user, type, place) !== null;
  const actions = {
    verify: possible("verify"),
    postpone: possible("postpone"),
    not_our_authority: possible("not_our_authority"),
    archive: possible("archive"),
    resume: possible("resume"),
    forward: possible("forward"),
    follow_up: possible("follow_up"),
    close: possible("close"),
    officer_reply: possible("officer_reply"),
    set_visibility: possible("set_visibility") && row.visibility !== "rahasia",
  };
  const forwardTargets = actions.forward ? await forwardOptions(db, user, row.agency_id, row.unit_id ?? row.received_unit_id) : null;
  return {
    id: row.id,
    trackingCode: formatTrackingCode(row.tracking_code),
    agencyId: row.agency_id,
    status: row.status,
    visibility: row.visibility,
    category: row.category,
    reportedCategory: row.reported_category,
    body: row.body,
    visitDate: extra.visitDate,
    lateFiling: row.late_filing,
    submittedAt: row.submitted_at,
    receivedUnitName: units.find((unit) => unit.id === row.received_unit_id)?.name ?? "",
    responsibleUnitName: row.unit_id === null ? null : (units.find((unit) => unit.id === row.unit_id)?.name ?? null),
    counterName: extra.counterName,
    serviceName: extra.serviceName,
    reportedOfficerId: row.reported_officer_id,
    reportedOfficerName: extra.reportedOfficerName,
    officerName: extra.officerName,
    postponeReason: row.postpone_reason,
    referredTo: row.referred_to,
    archiveReason: row.archive_reason,
    archiveNote: row.archive_note,
    escalated: row.escalated,
    reopenCount: row.reopen_count,
    closure: row.closure_kind,
    upheld: row.upheld,
    handlingRating: row.handling_rating,
    timeZone: zone,
    deadlines: deadlinesFor(state, calendar, zone),
    running: running ? { stage: running.stage, due: running.due, status: dueStatus(running.due, now, zone) } : null,
    contact: contact ?? null,
    attachments,
    events: events.map((event) => ({
      ...event,
      actorName: seesReporter ? event.actorName : null,
      details: event.details ?? {},
    })),
    viewer: { isHandler, isSupervisor, isNamedOfficer },
    actions,
    forwardTargets,
  };
}

/** Units a handler may forward to (within their scope, same agency) and the officers of each. */
/** The units a handler may forward to, their officers (with NIP, to tell equal names apart), and the unit to offer first. */
async function forwardOptions(db: Db, user: StaffActor, agencyId: number, currentUnitId: number | null) {
  const paths = user.grants.filter((grant) => grant.role === "complaint_handler").map((grant) => grant.unitPath);
  if (paths.length === 0) return { units: [], officers: [], suggestedUnitId: null };
  const units = await db
    .selectFrom("units")
    .select(["id", "name", "path"])
    .where("agency_id", "=", agencyId)
    .where("parent_id", "is not", null)
    .where("retired_at", "is", null)
    .where((eb) => eb.or(paths.map((p) => eb("path", "like", `${p}%`))))
    .orderBy("path")
    .execute();
  const officers =
    units.length === 0
      ? []
      : await db
          .selectFrom("officers")
          .select(["id", "name", "position", "nip", "unit_id as unitId"])
          .where("unit_id", "in", units.map((unit) => unit.id))
          .where("active", "=", true)
          .orderBy("name")
          .execute();
  const suggestedUnitId = units.some((unit) => unit.id === currentUnitId) ? currentUnitId : null;
  return { units: units.map(({ id, name }) => ({ id, name })), officers, suggestedUnitId };
}

