import { createHash, randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { sql, type Kysely, type Selectable, type Transaction } from "kysely";
import type { Database, Role } from "../../db/schema";
import type { ComplaintsTable } from "../../db/tables/complaints";
import { env } from "~/platform/env.server";
import { hasRoleFor, type RoleGrant } from "~/auth/scope";
import {
  ALLOWED_FROM,
  applyComplaintEvent,
  deadlinesFor,
  isLateVisit,
  newComplaint,
  runningDeadline,
  shouldShowOmbudsmanNotice,
  type ComplaintActor,
  type ComplaintActorRole,
  type ComplaintCategory,
  type ComplaintEffect,
  type ComplaintEvent,
  type ComplaintEventType,
  type ComplaintRefusal,
  type ComplaintState,
  type ComplaintStatus,
  type HandlingRating,
  type Visibility,
} from "~/domain/complaint-lifecycle";
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, MAX_BODY_CHARS, VISIBILITIES } from "~/domain/complaint-options";
import { checkAttachment, cleanFileName, MAX_ATTACHMENTS, type AttachmentMediaType } from "~/domain/complaint-attachments";
import { formatTrackingCode, TRACKING_CODE_RANDOM_BYTES, trackingCodeFrom } from "~/domain/complaint-tracking-code";
import { computeComplaintFigures, type ComplaintFigures } from "~/domain/indicators/complaint-figures";
import {
  DEFAULT_TIME_ZONE,
  dueStatus,
  localDateOf,
  workingDaysBetween,
  type DueStatus,
  type HolidayCalendar,
} from "~/domain/working-days";
import { appendAudit } from "./audit.server";
import { holidayCalendarFor, holidayCalendarsFor } from "./holidays.server";
import { mailAdapter, notify, userOfOfficer, usersWithRoleOver, type NotificationKind } from "./notifications.server";
import mailTexts from "../../public/locales/id/complaints.json";

type Db = Kysely<Database>;
type ComplaintRow = Selectable<ComplaintsTable>;

/** Who is acting: the session user's id, officer link and grants (a SessionUser fits). */
export interface StaffActor {
  id: number;
  officerId: number | null;
  grants: readonly RoleGrant[];
}

const OPEN_STATUSES: readonly ComplaintStatus[] = ["diterima", "terverifikasi", "ditunda", "diteruskan", "ditindaklanjuti", "ditanggapi"];

// Tracking lookups: at most this many per salted address hash in each window (brute force of a 44-bit
// code space is then hopeless, and a citizen reloading their page is never stopped).
export const LOOKUP_LIMIT = 60;
export const LOOKUP_WINDOW_MINUTES = 10;

// ---- state <-> row ---------------------------------------------------------------------------------------

/** The lifecycle state of a stored complaint (for the state machine and its deadlines). */
export function stateOf(row: ComplaintRow): ComplaintState {
  return {
    status: row.status,
    visibility: row.visibility,
    category: row.category,
    submittedAt: row.submitted_at,
    verificationClockFrom: row.verification_clock_from,
    verifiedAt: row.verified_at,
    postponedFrom: row.postponed_from,
    postponeReason: row.postpone_reason,
    referredTo: row.referred_to,
    archive: row.archive_reason ? { reason: row.archive_reason, note: row.archive_note ?? "" } : null,
    unitId: row.unit_id === null ? null : String(row.unit_id),
    officerId: row.officer_id === null ? null : String(row.officer_id),
    forwardedAt: row.forwarded_at,
    followUpClockFrom: row.follow_up_clock_from,
    followedUpAt: row.followed_up_at,
    citizenRespondedAt: row.citizen_responded_at,
    reopenCount: row.reopen_count,
    escalated: row.escalated,
    closedAt: row.closed_at,
    closure: row.closure_kind === "closed" ? { kind: "closed", upheld: row.upheld ?? false } : row.closure_kind === "auto_closed" ? { kind: "auto_closed" } : null,
  };
}

function columnsOf(state: ComplaintState) {
  return {
    status: state.status,
    visibility: state.visibility,
    category: state.category,
    submitted_at: state.submittedAt,
    verification_clock_from: state.verificationClockFrom,
    verified_at: state.verifiedAt,
    postponed_from: state.postponedFrom,
    postpone_reason: state.postponeReason,
    referred_to: state.referredTo,
    archive_reason: state.archive?.reason ?? null,
    archive_note: state.archive?.note ?? null,
    unit_id: state.unitId === null ? null : Number(state.unitId),
    officer_id: state.officerId === null ? null : Number(state.officerId),
    forwarded_at: state.forwardedAt,
    follow_up_clock_from: state.followUpClockFrom,
    followed_up_at: state.followedUpAt,
    citizen_responded_at: state.citizenRespondedAt,
    reopen_count: state.reopenCount,
    escalated: state.escalated,
    closed_at: state.closedAt,
    closure_kind: state.closure?.kind ?? null,
    upheld: state.closure?.kind === "closed" ? state.closure.upheld : null,
  };
}

// ---- intake ----------------------------------------------------------------------------------------------

/** Units a citizen may file a complaint with (all service units, not the government's own secretariat). */
export async function intakeUnits(db: Db) {
  return db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.name", "agencies.name as agencyName"])
    .where("units.kind", "!=", "pemda")
    .orderBy("agencies.name")
    .orderBy("units.path")
    .execute();
}

/** What the intake form offers once the unit is known: its services, counters and active officers. */
export async function intakeOptions(db: Db, unitId: number) {
  const unit = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.name", "units.kind", "agencies.name as agencyName", "agencies.time_zone as timeZone"])
    .where("units.id", "=", unitId)
    .executeTakeFirst();
  if (!unit || unit.kind === "pemda") return null;
  const [services, counters, officers] = await Promise.all([
    db.selectFrom("services").select(["id", "name"]).where("unit_id", "=", unitId).where("active", "=", true).orderBy("name").execute(),
    db.selectFrom("counters").select(["id", "name", "public_code as publicCode"]).where("unit_id", "=", unitId).where("retired_at", "is", null).orderBy("name").execute(),
    db.selectFrom("officers").select(["id", "name"]).where("unit_id", "=", unitId).where("active", "=", true).orderBy("name").execute(),
  ]);
  return { unit: { id: unit.id, name: unit.name, agencyName: unit.agencyName, timeZone: unit.timeZone }, services, counters, officers };
}

export interface IntakeContextQuery {
  loket?: string | null;
  layanan?: string | null;
  petugas?: string | null;
  waktu?: string | null;
}

export interface IntakeContext {
  unitId: number;
  counterId: number | null;
  serviceId: number | null;
  officerId: number | null;
  /** The visit, when a plausible time came along (not in the future, not more than a year old). */
  visitedAt: Date | null;
}

/**
 * Context carried over from a counter's thank-you page. Nothing here is trusted: the counter must exist,
 * the service must be offered at that counter and the officer must work in that unit; what does not fit
 * is dropped silently (the citizen can still choose it on the form).
 */
export async function resolveIntakeContext(db: Db, query: IntakeContextQuery, now: Date): Promise<IntakeContext | null> {
  const code = (query.loket ?? "").trim().toLowerCase();
  if (!/^[a-z0-9]{6,16}$/.test(code)) return null;
  const counter = await db
    .selectFrom("counters")
    .select(["id", "unit_id"])
    .where("public_code", "=", code)
    .where("retired_at", "is", null)
    .executeTakeFirst();
  if (!counter) return null;
  const serviceId = positiveInt(query.layanan);
  const officerId = positiveInt(query.petugas);
  const [service, officer] = await Promise.all([
    serviceId === null
      ? undefined
      : db.selectFrom("counter_services").select("service_id").where("counter_id", "=", counter.id).where("service_id", "=", serviceId).executeTakeFirst(),
    officerId === null
      ? undefined
      : db.selectFrom("officers").select("id").where("id", "=", officerId).where("unit_id", "=", counter.unit_id).where("active", "=", true).executeTakeFirst(),
  ]);
  let visitedAt: Date | null = null;
  if (query.waktu) {
    const parsed = new Date(query.waktu);
    const age = now.getTime() - parsed.getTime();
    if (Number.isFinite(parsed.getTime()) && age >= -5 * 60_000 && age <= 366 * 86_400_000) visitedAt = parsed;
  }
  return {
    unitId: counter.unit_id,
    counterId: counter.id,
    serviceId: service ? service.service_id : null,
    officerId: officer ? officer.id : null,
    visitedAt,
  };
}

function positiveInt(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const number = Number(value);
  return number > 0 ? number : null;
}

export interface UploadedFile {
  bytes: Uint8Array;
  originalName: string;
}

export interface NewComplaintInput {
  unitId: number;
  category: ComplaintCategory;
  body: string;
  /** "YYYY-MM-DD" */
  visitDate: string;
  visitedAt?: Date | null;
  counterId?: number | null;
  serviceId?: number | null;
  officerId?: number | null;
  visibility: Visibility;
  contact?: { name?: string | null; phone?: string | null; email?: string | null; showName?: boolean } | null;
  attachments?: readonly UploadedFile[];
}

export type SubmitResult =
  | { ok: true; complaintId: number; trackingCode: string; lateFiling: boolean }
  | { ok: false; errors: Record<string, string> };

/**
 * Files a complaint: checks what the form could not (the unit, counter, service and officer belong
 * together; the visit is not in the future; files are what they say by their bytes), stores attachments
 * under DATA_DIR/uploads (never under public/), and writes the complaint, its contact (apart), its first
 * event and the handlers' notifications in one transaction.
 */
export async function submitComplaint(db: Db, input: NewComplaintInput, now: Date): Promise<SubmitResult> {
  const errors: Record<string, string> = {};
  const unit = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.agency_id", "units.kind", "agencies.time_zone"])
    .where("units.id", "=", input.unitId)
    .executeTakeFirst();
  if (!unit || unit.kind === "pemda") return { ok: false, errors: { unitId: "complaints.errors.unknownUnit" } };
  const zone = unit.time_zone || DEFAULT_TIME_ZONE;

  const body = input.body.trim();
  if (body === "") errors.body = "form.required";
  else if (body.length > MAX_BODY_CHARS) errors.body = "complaints.errors.tooLong";
  if (input.visitDate > localDateOf(now, zone)) errors.visitDate = "complaints.errors.visitInFuture";

  const counterId = input.counterId ?? null;
  const serviceId = input.serviceId ?? null;
  const officerId = input.officerId ?? null;
  if (counterId !== null) {
    const counter = await db.selectFrom("counters").select("id").where("id", "=", counterId).where("unit_id", "=", unit.id).executeTakeFirst();
    if (!counter) errors.counterId = "form.notInList";
  }
  if (serviceId !== null) {
    const service = await db.selectFrom("services").select("id").where("id", "=", serviceId).where("unit_id", "=", unit.id).executeTakeFirst();
    if (!service) errors.serviceId = "form.notInList";
  }
  if (officerId !== null) {
    const officer = await db.selectFrom("officers").select("id").where("id", "=", officerId).where("unit_id", "=", unit.id).executeTakeFirst();
    if (!officer) errors.officerId = "form.notInList";
  }

  const files = input.attachments ?? [];
  const checked: { bytes: Uint8Array; name: string; mediaType: AttachmentMediaType }[] = [];
  if (files.length > MAX_ATTACHMENTS) errors.attachments = "complaints.errors.tooManyFiles";
  for (const file of files) {
    const check = checkAttachment(file.bytes.subarray(0, 16), file.bytes.byteLength);
    if (!check.ok) {
      errors.attachments = check.reason === "too_large" ? "complaints.errors.fileTooLarge" : "complaints.errors.fileType";
      break;
    }
    checked.push({ bytes: file.bytes, name: cleanFileName(file.originalName), mediaType: check.mediaType });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const stored: { path: string; storedName: string; name: string; mediaType: AttachmentMediaType; size: number; sha256: string }[] = [];
  const folder = uploadsDir();
  try {
    if (checked.length > 0) await mkdir(folder, { recursive: true, mode: 0o700 });
    for (const file of checked) {
      const storedName = randomBytes(16).toString("hex");
      const filePath = path.join(folder, storedName);
      await writeFile(filePath, file.bytes, { mode: 0o600, flag: "wx" });
      stored.push({
        path: filePath,
        storedName,
        name: file.name,
        mediaType: file.mediaType,
        size: file.bytes.byteLength,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
      });
    }
    const lateFiling = isLateVisit(input.visitDate, now, zone);
    const state = newComplaint(now, input.visibility);
    const result = await db.transaction().execute(async (trx) => {
      const trackingCode = await freshTrackingCode(trx);
      const row = await trx
        .insertInto("complaints")
        .values({
          ...columnsOf(state),
          agency_id: unit.agency_id,
          tracking_code: trackingCode,
          received_unit_id: unit.id,
          counter_id: counterId,
          service_id: serviceId,
          reported_officer_id: officerId,
          reported_category: input.category,
          body,
          visit_date: input.visitDate,
          visited_at: input.visitedAt ?? null,
          late_filing: lateFiling,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const contact = input.contact;
      const name = contact?.name?.trim() || null;
      const phone = contact?.phone?.trim() || null;
      const email = contact?.email?.trim() || null;
      if (name || phone || email) {
        await trx
          .insertInto("complaint_contacts")
          .values({ complaint_id: row.id, agency_id: unit.agency_id, name, phone, email, show_name: Boolean(contact?.showName && name && input.visibility === "public") })
          .execute();
      }
      for (const file of stored) {
        await trx
          .insertInto("complaint_attachments")
          .values({
            complaint_id: row.id,
            agency_id: unit.agency_id,
            stored_name: file.storedName,
            original_name: file.name,
            media_type: file.mediaType,
            size_bytes: file.size,
            sha256: file.sha256,
          })
          .execute();
      }
      await trx
        .insertInto("complaint_events")
        .values({
          complaint_id: row.id,
          agency_id: unit.agency_id,
          at: now,
          type: "submit",
          actor_role: "citizen",
          actor_user_id: null,
          from_status: null,
          to_status: "diterima",
          details: JSON.stringify({ category: input.category, visibility: input.visibility, lateFiling, attachments: stored.length }),
        })
        .execute();
      await appendAudit(trx, {
        actorUserId: null,
        action: "complaint.submit",
        subjectType: "complaint",
        subjectId: row.id,
        after: { status: "diterima", visibility: input.visibility },
      });
      await notify(trx, {
        userIds: await usersWithRoleOver(trx, ["complaint_handler"], unit.id),
        kind: "complaint_new",
        agencyId: unit.agency_id,
        complaintId: row.id,
        params: { code: formatTrackingCode(trackingCode) },
        at: now,
      });
      return { complaintId: row.id, trackingCode };
    });
    return { ok: true, ...result, lateFiling };
  } catch (error) {
    await Promise.all(stored.map((file) => rm(file.path, { force: true })));
    throw error;
  }
}

function uploadsDir(): string {
  return path.resolve(env().DATA_DIR, "uploads");
}

async function freshTrackingCode(trx: Transaction<Database>): Promise<string> {
  for (;;) {
    const code = trackingCodeFrom(randomBytes(TRACKING_CODE_RANDOM_BYTES));
    if (code === null) continue;
    const taken = await trx.selectFrom("complaints").select("id").where("tracking_code", "=", code).executeTakeFirst();
    if (!taken) return code;
  }
}

// ---- tracking (public) -----------------------------------------------------------------------------------

/** The salted hash under which a client address is counted; the address itself is never stored. */
export function hashClientAddress(address: string): string {
  const salt = env().HASH_SALT ?? "development-only-salt";
  return createHash("sha256").update(`${salt}:${address}`).digest("hex");
}

/**
 * Counts one tracking lookup for an address hash and says whether it may go ahead. Fixed windows of
 * LOOKUP_WINDOW_MINUTES; old windows are pruned as it goes.
 */
export async function allowTrackingLookup(db: Db, ipHash: string, now: Date): Promise<boolean> {
  const windowMs = LOOKUP_WINDOW_MINUTES * 60_000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db
    .insertInto("complaint_lookup_limits")
    .values({ ip_hash: ipHash, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(["ip_hash", "window_start"]).doUpdateSet({ count: sql`complaint_lookup_limits.count + 1` }))
    .returning("count")
    .executeTakeFirstOrThrow();
  if (row.count === 1) {
    await db.deleteFrom("complaint_lookup_limits").where("window_start", "<", new Date(windowStart.getTime() - windowMs)).execute();
  }
  return row.count <= LOOKUP_LIMIT;
}

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
  const row = await db.selectFrom("complaints").select(sql<string>`to_char(visit_date, 'YYYY-MM-DD')`.as("date")).where("id", "=", complaintId).executeTakeFirstOrThrow();
  return row.date;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export type ActResult = { ok: true } | { ok: false; reason: ComplaintRefusal | "out_of_scope" | "not_found" | "unknown_unit" | "officer_not_in_unit" };

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

// ---- staff -----------------------------------------------------------------------------------------------

const HANDLER: readonly Role[] = ["complaint_handler"];

/** Which role this user acts in for an event on this complaint, or null when it is outside their scope. */
function actorFor(
  user: StaffActor,
  type: ComplaintEventType,
  paths: { received: string; responsible: string | null },
  complaintOfficerId: number | null,
): ComplaintActor | null {
  const covers = (roles: readonly Role[], unitPath: string | null) => unitPath !== null && hasRoleFor(user.grants, roles, unitPath);
  switch (type) {
    case "verify":
    case "postpone":
    case "not_our_authority":
    case "archive":
    case "resume":
    case "forward":
      return covers(HANDLER, paths.received) ? { role: "complaint_handler" } : null;
    case "follow_up":
      if (covers(HANDLER, paths.responsible)) return { role: "complaint_handler" };
      return covers(["supervisor"], paths.responsible) ? { role: "supervisor" } : null;
    case "close":
      if (covers(HANDLER, paths.received) || covers(HANDLER, paths.responsible)) return { role: "complaint_handler" };
      return covers(["supervisor"], paths.responsible) ? { role: "supervisor" } : null;
    case "set_visibility":
      if (covers(HANDLER, paths.received) || covers(HANDLER, paths.responsible)) return { role: "complaint_handler" };
      if (covers(["supervisor"], paths.responsible ?? paths.received)) return { role: "supervisor" };
      return covers(["moderator"], paths.received) ? { role: "moderator" } : null;
    case "officer_reply":
      return user.officerId !== null && user.officerId === complaintOfficerId && user.grants.some((grant) => grant.role === "officer")
        ? { role: "officer", officerId: String(user.officerId) }
        : null;
    case "citizen_response":
    case "auto_close":
      return null;
  }
}

async function pathsOf(db: Db, row: Pick<ComplaintRow, "received_unit_id" | "unit_id">) {
  const ids = [row.received_unit_id, ...(row.unit_id === null ? [] : [row.unit_id])];
  const units = await db.selectFrom("units").select(["id", "path"]).where("id", "in", ids).execute();
  return {
    received: units.find((unit) => unit.id === row.received_unit_id)?.path ?? "",
    responsible: row.unit_id === null ? null : (units.find((unit) => unit.id === row.unit_id)?.path ?? null),
  };
}

/**
 * A staff member's step on a complaint. Scope first (a handler outside the complaint's units gets
 * "out_of_scope"), then the state machine (a skipped status gets "invalid_transition"); a refusal changes
 * nothing. For forwarding, the target unit must lie within the handler's scope and the officer in it.
 */
export async function actOnComplaint(db: Db, user: StaffActor, complaintId: number, event: ComplaintEvent, now: Date): Promise<ActResult> {
  const row = await db.selectFrom("complaints").select(["received_unit_id", "unit_id", "officer_id", "agency_id"]).where("id", "=", complaintId).executeTakeFirst();
  if (!row) return { ok: false, reason: "not_found" };
  const actor = actorFor(user, event.type, await pathsOf(db, row), row.officer_id);
  if (!actor) return { ok: false, reason: "out_of_scope" };
  if (event.type === "forward") {
    const target = await db.selectFrom("units").select(["id", "path", "agency_id"]).where("id", "=", Number(event.unitId)).executeTakeFirst();
    if (!target || target.agency_id !== row.agency_id || !hasRoleFor(user.grants, HANDLER, target.path)) return { ok: false, reason: "unknown_unit" };
    if (event.officerId !== undefined) {
      const officer = await db
        .selectFrom("officers")
        .innerJoin("units", "units.id", "officers.unit_id")
        .select("officers.id")
        .where("officers.id", "=", Number(event.officerId))
        .where("units.path", "like", `${target.path}%`)
        .executeTakeFirst();
      if (!officer) return { ok: false, reason: "officer_not_in_unit" };
    }
  }
  return applyEvent(db, complaintId, actor, user.id, event, now);
}

/** Applies an event under a row lock: state machine, new columns, event row, audit entry, notifications. */
async function applyEvent(
  db: Db,
  complaintId: number,
  actor: ComplaintActor,
  actorUserId: number | null,
  event: ComplaintEvent,
  now: Date,
): Promise<ActResult> {
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("complaints").selectAll().where("id", "=", complaintId).forUpdate().executeTakeFirst();
    if (!row) return { ok: false, reason: "not_found" } as const;
    const calendar = event.type === "auto_close" ? await holidayCalendarFor(trx, row.agency_id) : undefined;
    const zone = event.type === "auto_close" ? await agencyZone(trx, row.agency_id) : undefined;
    const before = stateOf(row);
    const transition = applyComplaintEvent(before, event, actor, now, calendar ? { calendar, zone } : undefined);
    if (!transition.ok) return { ok: false, reason: transition.reason } as const;
    const after = transition.state;
    const rating = event.type === "citizen_response" && event.handlingRating ? event.handlingRating : undefined;
    await trx
      .updateTable("complaints")
      .set({ ...columnsOf(after), ...(rating ? { handling_rating: rating } : {}), updated_at: now })
      .where("id", "=", complaintId)
      .execute();
    const { type: _type, ...details } = event;
    await trx
      .insertInto("complaint_events")
      .values({
        complaint_id: complaintId,
        agency_id: row.agency_id,
        at: now,
        type: event.type,
        actor_role: actor.role,
        actor_user_id: actorUserId,
        from_status: before.status,
        to_status: after.status,
        details: JSON.stringify(details),
      })
      .execute();
    await appendAudit(trx, {
      actorUserId,
      action: `complaint.${event.type}`,
      subjectType: "complaint",
      subjectId: complaintId,
      before: { status: before.status, visibility: before.visibility, unitId: before.unitId, officerId: before.officerId },
      after: { status: after.status, visibility: after.visibility, unitId: after.unitId, officerId: after.officerId },
    });
    await deliverEffects(trx, row, transition.effects, event, actorUserId, now);
    return { ok: true, citizenNotices: transition.effects.filter((effect) => effect.type === "notify_citizen").length, row } as const;
  });
  if (!outcome.ok) return outcome;
  if (outcome.citizenNotices > 0) await mailCitizen(db, outcome.row.id, outcome.row.tracking_code).catch(() => undefined);
  return { ok: true };
}

async function agencyZone(db: Db, agencyId: number): Promise<string> {
  const row = await db.selectFrom("agencies").select("time_zone").where("id", "=", agencyId).executeTakeFirst();
  return row?.time_zone || DEFAULT_TIME_ZONE;
}

async function deliverEffects(
  trx: Transaction<Database>,
  row: ComplaintRow,
  effects: readonly ComplaintEffect[],
  event: ComplaintEvent,
  actorUserId: number | null,
  at: Date,
): Promise<void> {
  const base = { agencyId: row.agency_id, complaintId: row.id, params: { code: formatTrackingCode(row.tracking_code) }, at };
  const send = async (kind: NotificationKind, userIds: number[]) =>
    notify(trx, { ...base, kind, userIds: userIds.filter((id) => id !== actorUserId) });
  for (const effect of effects) {
    if (effect.type === "notify_unit") {
      await send(effect.notice === "complaint_forwarded" ? "complaint_forwarded" : "complaint_reopened", await usersWithRoleOver(trx, ["complaint_handler", "supervisor"], Number(effect.unitId)));
    } else if (effect.type === "notify_officer") {
      const userId = await userOfOfficer(trx, Number(effect.officerId));
      if (userId !== null) await send("complaint_officer_named", [userId]);
    } else if (effect.type === "notify_supervisor") {
      await send("complaint_escalated", await usersWithRoleOver(trx, ["supervisor"], Number(effect.unitId)));
    }
  }
  if (event.type === "officer_reply" || event.type === "citizen_response") {
    const people = [
      ...(await usersWithRoleOver(trx, ["complaint_handler"], row.received_unit_id)),
      ...(row.unit_id === null ? [] : await usersWithRoleOver(trx, ["supervisor"], row.unit_id)),
    ];
    await send(event.type === "officer_reply" ? "complaint_officer_replied" : "complaint_citizen_responded", people);
  }
}

/** E-mails a citizen who left an address that their complaint has moved on (the tracking page has the rest). */
async function mailCitizen(db: Db, complaintId: number, trackingCode: string): Promise<void> {
  const contact = await db.selectFrom("complaint_contacts").select("email").where("complaint_id", "=", complaintId).executeTakeFirst();
  if (!contact?.email) return;
  const code = formatTrackingCode(trackingCode);
  const texts = mailTexts.complaints.mail;
  await mailAdapter().send({
    to: contact.email,
    subject: texts.subject.replace("{{code}}", code),
    text: texts.body.replace("{{code}}", code).replace("{{path}}", `/pengaduan/lacak/${code}`),
  });
}

// ---- staff views -----------------------------------------------------------------------------------------

export interface QueueFilter {
  status?: ComplaintStatus | "open" | "all";
  /** "late": only complaints whose running clock has passed; "escalated": only escalated ones. */
  only?: "late" | "due" | "escalated" | "mine";
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

/**
 * A staff member's complaint queue, sorted by the running deadline (late first, then due today, then the
 * rest). Handlers see complaints filed with or forwarded to units in their scope; supervisors those of
 * their units; an officer those that name them after forwarding (without the reporter's details).
 */
export async function complaintQueue(db: Db, user: StaffActor, filter: QueueFilter, now: Date): Promise<QueueRow[]> {
  const handlerPaths = user.grants.filter((grant) => grant.role === "complaint_handler").map((grant) => grant.unitPath);
  const supervisorPaths = user.grants.filter((grant) => grant.role === "supervisor").map((grant) => grant.unitPath);
  const officerId = user.grants.some((grant) => grant.role === "officer") ? user.officerId : null;
  if (handlerPaths.length === 0 && supervisorPaths.length === 0 && officerId === null) return [];

  let query = db
    .selectFrom("complaints")
    .innerJoin("units as received", "received.id", "complaints.received_unit_id")
    .innerJoin("agencies", "agencies.id", "complaints.agency_id")
    .leftJoin("units as responsible", "responsible.id", "complaints.unit_id")
    .leftJoin("officers", "officers.id", "complaints.officer_id")
    .selectAll("complaints")
    .select(["received.name as receivedUnitName", "received.path as receivedPath", "responsible.name as responsibleUnitName", "responsible.path as responsiblePath", "officers.name as officerName", "agencies.time_zone as timeZone"])
    .where((eb) => {
      const conditions = [
        ...handlerPaths.flatMap((p) => [eb("received.path", "like", `${p}%`), eb("responsible.path", "like", `${p}%`)]),
        // A supervisor sees their units' complaints: forwarded to them, or filed with them and not yet forwarded.
        ...supervisorPaths.flatMap((p) => [eb("responsible.path", "like", `${p}%`), eb.and([eb("complaints.unit_id", "is", null), eb("received.path", "like", `${p}%`)])]),
      ];
      if (officerId !== null) conditions.push(eb.and([eb("complaints.officer_id", "=", officerId), eb("complaints.status", "in", ["diteruskan", "ditindaklanjuti", "ditanggapi", "selesai"])]));
      return eb.or(conditions);
    });
  const status = filter.status ?? "open";
  if (status === "open") query = query.where("complaints.status", "in", OPEN_STATUSES);
  else if (status !== "all") query = query.where("complaints.status", "=", status);
  if (filter.only === "escalated") query = query.where("complaints.escalated", "=", true);
  const rows = await query.orderBy("complaints.submitted_at").limit(1000).execute();

  const calendars = await holidayCalendarsFor(db, rows.map((row) => row.agency_id));
  const result: QueueRow[] = rows.map((row) => {
    const zone = row.timeZone || DEFAULT_TIME_ZONE;
    const running = runningDeadline(stateOf(row), calendars.get(row.agency_id)!, zone);
    const as: QueueRow["as"] =
      handlerPaths.some((p) => row.receivedPath.startsWith(p) || (row.responsiblePath ?? "").startsWith(p))
        ? "handler"
        : supervisorPaths.some((p) => (row.responsiblePath ?? row.receivedPath).startsWith(p))
          ? "supervisor"
          : "officer";
    return {
      id: row.id,
      trackingCode: formatTrackingCode(row.tracking_code),
      submittedAt: row.submitted_at,
      status: row.status,
      category: row.category ?? row.reported_category,
      visibility: row.visibility,
      lateFiling: row.late_filing,
      escalated: row.escalated,
      receivedUnitName: row.receivedUnitName,
      responsibleUnitName: row.responsibleUnitName,
      officerName: row.officerName,
      excerpt: row.body.length > 140 ? `${row.body.slice(0, 140)}…` : row.body,
      due: running?.due ?? null,
      stage: running?.stage ?? null,
      dueStatus: running ? dueStatus(running.due, now, zone) : null,
      as,
    };
  });
  const filtered = result.filter((row) =>
    filter.only === "late" ? row.dueStatus === "late" : filter.only === "due" ? row.dueStatus === "due_today" || row.dueStatus === "late" : filter.only === "mine" ? row.as === "officer" : true,
  );
  const rank = (row: QueueRow) => (row.dueStatus === "late" ? 0 : row.dueStatus === "due_today" ? 1 : row.due ? 2 : 3);
  return filtered.sort((a, b) => rank(a) - rank(b) || (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity) || a.submittedAt.getTime() - b.submittedAt.getTime());
}

/**
 * One complaint as a staff member may see it, with the steps they may take now; null when it is outside
 * their scope (the page answers 404). The reporter's contact goes only to complaint handlers of the units
 * concerned; the named officer sees neither contact, attachments nor the event actors.
 */
export async function complaintForStaff(db: Db, user: StaffActor, complaintId: number, now: Date) {
  const row = await db.selectFrom("complaints").selectAll().where("id", "=", complaintId).executeTakeFirst();
  if (!row) return null;
  const paths = await pathsOf(db, row);
  const isHandler = hasRoleFor(user.grants, HANDLER, paths.received) || (paths.responsible !== null && hasRoleFor(user.grants, HANDLER, paths.responsible));
  const isSupervisor = paths.responsible !== null ? hasRoleFor(user.grants, ["supervisor"], paths.responsible) : hasRoleFor(user.grants, ["supervisor"], paths.received);
  const isNamedOfficer = user.officerId !== null && user.officerId === row.officer_id && AFTER_FORWARDING.includes(row.status);
  if (!isHandler && !isSupervisor && !isNamedOfficer) return null;
  const seesReporter = isHandler || isSupervisor;

  const [units, events, contact, attachments, calendar, zone, extra] = await Promise.all([
    db.selectFrom("units").select(["id", "name"]).where("id", "in", [row.received_unit_id, ...(row.unit_id ? [row.unit_id] : [])]).execute(),
    db
      .selectFrom("complaint_events")
      .leftJoin("users", "users.id", "complaint_events.actor_user_id")
      .select(["complaint_events.id", "complaint_events.at", "complaint_events.type", "complaint_events.actor_role as actorRole", "complaint_events.from_status as fromStatus", "complaint_events.to_status as toStatus", "complaint_events.details", "users.display_name as actorName"])
      .where("complaint_events.complaint_id", "=", row.id)
      .orderBy("complaint_events.id")
      .execute(),
    isHandler ? db.selectFrom("complaint_contacts").select(["name", "phone", "email", "show_name as showName"]).where("complaint_id", "=", row.id).executeTakeFirst() : undefined,
    seesReporter ? db.selectFrom("complaint_attachments").select(["id", "original_name as name", "media_type as mediaType", "size_bytes as size"]).where("complaint_id", "=", row.id).orderBy("id").execute() : [],
    holidayCalendarFor(db, row.agency_id),
    agencyZone(db, row.agency_id),
    db
      .selectFrom("complaints")
      .leftJoin("counters", "counters.id", "complaints.counter_id")
      .leftJoin("services", "services.id", "complaints.service_id")
      .leftJoin("officers as reported", "reported.id", "complaints.reported_officer_id")
      .leftJoin("officers as named", "named.id", "complaints.officer_id")
      .select(["counters.name as counterName", "services.name as serviceName", "reported.name as reportedOfficerName", "named.name as officerName", sql<string>`to_char(complaints.visit_date, 'YYYY-MM-DD')`.as("visitDate")])
      .where("complaints.id", "=", row.id)
      .executeTakeFirstOrThrow(),
  ]);
  const state = stateOf(row);
  const running = runningDeadline(state, calendar, zone);
  const possible = (type: ComplaintEventType) => ALLOWED_FROM[type].includes(row.status) && actorFor(user, type, paths, row.officer_id) !== null;
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
  const forwardTargets = actions.forward ? await forwardOptions(db, user, row.agency_id) : null;
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

const AFTER_FORWARDING: readonly ComplaintStatus[] = ["diteruskan", "ditindaklanjuti", "ditanggapi", "selesai"];

/** Units a handler may forward to (within their scope, same agency) and the officers of each. */
async function forwardOptions(db: Db, user: StaffActor, agencyId: number) {
  const paths = user.grants.filter((grant) => grant.role === "complaint_handler").map((grant) => grant.unitPath);
  if (paths.length === 0) return { units: [], officers: [] };
  const units = await db
    .selectFrom("units")
    .select(["id", "name", "path"])
    .where("agency_id", "=", agencyId)
    .where("kind", "!=", "pemda")
    .where((eb) => eb.or(paths.map((p) => eb("path", "like", `${p}%`))))
    .orderBy("path")
    .execute();
  const officers =
    units.length === 0
      ? []
      : await db
          .selectFrom("officers")
          .select(["id", "name", "position", "unit_id as unitId"])
          .where("unit_id", "in", units.map((unit) => unit.id))
          .where("active", "=", true)
          .orderBy("name")
          .execute();
  return { units: units.map(({ id, name }) => ({ id, name })), officers };
}

/** An attachment's file, for a staff member who may see the complaint's reporter side; null otherwise. */
export async function attachmentForStaff(db: Db, user: StaffActor, attachmentId: number) {
  const attachment = await db
    .selectFrom("complaint_attachments")
    .innerJoin("complaints", "complaints.id", "complaint_attachments.complaint_id")
    .select(["complaint_attachments.stored_name", "complaint_attachments.media_type", "complaint_attachments.original_name", "complaints.received_unit_id", "complaints.unit_id"])
    .where("complaint_attachments.id", "=", attachmentId)
    .executeTakeFirst();
  if (!attachment) return null;
  const paths = await pathsOf(db, attachment);
  const allowed =
    hasRoleFor(user.grants, HANDLER, paths.received) ||
    (paths.responsible !== null && hasRoleFor(user.grants, ["complaint_handler", "supervisor"], paths.responsible)) ||
    (paths.responsible === null && hasRoleFor(user.grants, ["supervisor"], paths.received));
  if (!allowed) return null;
  return { filePath: path.join(uploadsDir(), attachment.stored_name), mediaType: attachment.media_type, name: attachment.original_name };
}

// ---- clocks (scheduled) ----------------------------------------------------------------------------------

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

// ---- public data and indicators --------------------------------------------------------------------------

/**
 * A unit's complaints as the public may see them: never confidential ones (rahasia), never a reporter's
 * contact, a name only when the reporter chose a public report and agreed to be named; only after the
 * handler has verified them (unverified text is not published). `unitId` covers the unit's subtree.
 */
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
      sql<string | null>`case when complaints.visibility = 'public' and complaint_contacts.show_name then complaint_contacts.name end`.as("reporterName"),
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
    .where("complaints.visibility", "in", ["public", "anonim"])
    .where("complaints.status", "in", ["terverifikasi", "diteruskan", "ditindaklanjuti", "ditanggapi", "selesai"])
    .where((eb) => eb.or([eb("received.path", "like", `${unit.path}%`), eb("responsible.path", "like", `${unit.path}%`)]))
    .orderBy("complaints.submitted_at", "desc")
    .limit(options.limit ?? 50)
    .execute();
  // The tracking code stays with the citizen: whoever holds it can answer on the citizen's behalf.
  return rows.map(({ followUp, visibility, reporterName, ...row }) => ({
    ...row,
    reporterName: visibility === "public" ? reporterName : null,
    followUp: followUp && typeof followUp === "object" && "text" in followUp ? String((followUp as { text: unknown }).text) : null,
  }));
}

export interface ComplaintFigureScope {
  unitPaths?: string[];
  unitId?: number;
  officerId?: number;
  from: Date;
  to: Date;
  ratingCount: number;
}

/**
 * Complaint-handling figures (indicators) for units or an officer over [from, to), from the complaints
 * received in that period; `calendar` counts the working days. Archived and "not our authority" ones are
 * left out of the handling shares (they never reached a unit) but still count as complaints.
 */
export async function complaintFiguresFor(db: Db, scope: ComplaintFigureScope, calendar: HolidayCalendar, asOf: Date = scope.to): Promise<ComplaintFigures> {
  let paths = scope.unitPaths ?? [];
  if (scope.unitId !== undefined) {
    const unit = await db.selectFrom("units").select("path").where("id", "=", scope.unitId).executeTakeFirst();
    paths = unit ? [...paths, unit.path] : paths;
    if (!unit && paths.length === 0 && scope.officerId === undefined) return computeComplaintFigures([], { ratingCount: scope.ratingCount, workingDaysBetween: (a, b) => workingDaysBetween(a, b, calendar), asOf });
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
      eb.or(paths.flatMap((p) => [eb("responsible.path", "like", `${p}%`), eb.and([eb("complaints.unit_id", "is", null), eb("received.path", "like", `${p}%`)])])),
    );
  }
  if (scope.officerId !== undefined) query = query.where("complaints.officer_id", "=", scope.officerId);
  const rows = await query.execute();
  const zone = rows[0]?.time_zone || DEFAULT_TIME_ZONE;
  return computeComplaintFigures(
    rows.map((row) => ({
      receivedAt: row.submitted_at,
      // Postponing, referring or archiving is the administrator's decision too; it stops the 3-day clock.
      verifiedAt: row.verified_at ?? (row.status === "bukan_wewenang" || row.status === "diarsipkan" ? row.closed_at : null),
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
    .select(["complaints.id", "complaints.tracking_code as trackingCode", "complaints.submitted_at as submittedAt", "complaints.closed_at as closedAt", "complaints.category", "complaints.body", "units.name as unitName"])
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
    .where("complaint_id", "in", rows.map((row) => row.id))
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    ...row,
    trackingCode: formatTrackingCode(row.trackingCode),
    replies: replies.filter((reply) => reply.complaint_id === row.id).map((reply) => ({ at: reply.at, text: str(reply.details?.text) ?? "" })),
  }));
}

export type { ComplaintActorRole };
export { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, MAX_BODY_CHARS, VISIBILITIES };
