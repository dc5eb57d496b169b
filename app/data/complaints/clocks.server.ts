import { runningDeadline } from "~/domain/complaint-lifecycle";
import { formatTrackingCode } from "~/domain/complaint-tracking-code";
import { DEFAULT_TIME_ZONE, dueStatus } from "~/domain/working-days";
import { holidayCalendarsFor } from "../holidays.server";
import { notify, usersWithRoleOver } from "../notifications.server";
import { applyEvent } from "./steps.server";
import { stateOf, type Db } from "./rows.server";

// Scheduled work: auto-close (one transaction per complaint, through applyEvent), reminders and the
// contact-retention sweep (single statements, no transaction).

/**
 * SP4N-LAPOR!: a complaint with a follow-up and no answer from the citizen closes itself 10 working days
 * later. Returns the ids it closed. `now` is an argument so tests and the scheduler choose the time.
 */
export async function closeUnansweredComplaints(db: Db, now: Date): Promise<number[]> {
  const candidates = await db.selectFrom("complaints").select(["id"]).where("status", "=", "ditindaklanjuti").where("followed_up_at", "<", now).orderBy("id").execute();
  const closed: number[] = [];
  for (const candidate of candidates) {
    const result = await applyEvent(db, candidate.id, { role: "system" }, null, { type: "auto_close" }, now);
    if (result.ok) closed.push(candidate.id);
  }
  return closed;
}

/** Tells the people responsible once when a clock is due today and once when it has passed. */
export async function remindComplaintDeadlines(db: Db, now: Date): Promise<void> {
  const rows = await db
    .selectFrom("complaints")
    .innerJoin("agencies", "agencies.id", "complaints.agency_id")
    .selectAll("complaints")
    .select("agencies.time_zone as timeZone")
    .where("complaints.status", "in", ["diterima", "terverifikasi", "diteruskan"])
    .execute();
  const calendars = await holidayCalendarsFor(db, rows.map((row) => row.agency_id));
  for (const row of rows) {
    const zone = row.timeZone || DEFAULT_TIME_ZONE;
    const running = runningDeadline(stateOf(row), calendars.get(row.agency_id)!, zone);
    if (!running) continue;
    const status = dueStatus(running.due, now, zone);
    if (status === "ok") continue;
    const unitId = running.stage === "follow_up" && row.unit_id !== null ? row.unit_id : row.received_unit_id;
    const roles = running.stage === "follow_up" ? (["complaint_handler", "supervisor"] as const) : (["complaint_handler"] as const);
    await notify(db, {
      userIds: await usersWithRoleOver(db, roles, unitId),
      kind: status === "late" ? "complaint_late" : "complaint_due_today",
      agencyId: row.agency_id,
      complaintId: row.id,
      params: { code: formatTrackingCode(row.tracking_code), due: running.due.toISOString() },
      at: now,
      dedupeKey: `${status}:${row.id}:${running.stage}:${running.due.toISOString()}`,
    });
  }
}

/** UU 27/2022 Pasal 42–44, and the promise of the intake form's consent text: contacts go 2 years after closing. */
export const CONTACT_RETENTION_DAYS = 730;

/** Deletes reporters' contact details kept longer than promised; returns how many complaints lost theirs. */
export async function purgeExpiredContacts(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - CONTACT_RETENTION_DAYS * 86_400_000);
  const rows = await db
    .deleteFrom("complaint_contacts")
    .where("complaint_id", "in", (eb) => eb.selectFrom("complaints").select("id").where("closed_at", "<", cutoff))
    .returning("complaint_id")
    .execute();
  return rows.length;
}

/** The scheduled work of this feature: auto-close, reminders, then the contact-retention sweep. */
export async function runComplaintClocks(db: Db, now: Date): Promise<void> {
  await closeUnansweredComplaints(db, now);
  await remindComplaintDeadlines(db, now);
  await purgeExpiredContacts(db, now);
}

