import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { isLateVisit, newComplaint, type ComplaintCategory, type Visibility } from "~/domain/complaint-lifecycle";
import { MAX_BODY_CHARS } from "~/domain/complaint-options";
import { checkAttachment, cleanFileName, MAX_ATTACHMENTS, type AttachmentMediaType } from "~/domain/complaint-attachments";
import { formatTrackingCode, TRACKING_CODE_RANDOM_BYTES, trackingCodeFrom } from "~/domain/complaint-tracking-code";
import { DEFAULT_TIME_ZONE, localDateOf } from "~/domain/working-days";
import { appendAudit } from "../audit.server";
import { notify, usersWithRoleOver } from "../notifications.server";
import { removeStoredAttachments, storeAttachments, type StoredAttachment } from "./attachments.server";
import { columnsOf, type Db } from "./rows.server";

// Intake: what the public form offers, the context carried over from a counter, and filing a complaint.
// Only submitComplaint writes, in one transaction it opens itself.


/** Units a citizen may file a complaint with (all service units, not the government's own secretariat). */
export async function intakeUnits(db: Db) {
  return db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.name", "agencies.name as agencyName"])
    .where("units.parent_id", "is not", null) // the government's top unit is not a service unit
    .where("units.retired_at", "is", null)
    .orderBy("agencies.name")
    .orderBy("units.path")
    .execute();
}

/** What the intake form offers once the unit is known: its services, counters and active officers. */
export async function intakeOptions(db: Db, unitId: number) {
  const unit = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.name", "units.kind", "units.parent_id", "units.retired_at", "agencies.name as agencyName", "agencies.time_zone as timeZone"])
    .where("units.id", "=", unitId)
    .executeTakeFirst();
  if (!unit || unit.parent_id === null || unit.retired_at !== null) return null;
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
 * event and the handlers' notifications in one transaction (opened here). Files written before a failed
 * transaction are removed again.
 */
export async function submitComplaint(db: Db, input: NewComplaintInput, now: Date): Promise<SubmitResult> {
  const errors: Record<string, string> = {};
  const unit = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.agency_id", "units.kind", "units.parent_id", "units.retired_at", "agencies.time_zone"])
    .where("units.id", "=", input.unitId)
    .executeTakeFirst();
  if (!unit || unit.parent_id === null || unit.retired_at !== null) return { ok: false, errors: { unitId: "complaints.errors.unknownUnit" } };
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

  const stored: StoredAttachment[] = [];
  try {
    stored.push(...(await storeAttachments(checked)));
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
    await removeStoredAttachments(stored);
    throw error;
  }
}

async function freshTrackingCode(trx: Transaction<Database>): Promise<string> {
  for (;;) {
    const code = trackingCodeFrom(randomBytes(TRACKING_CODE_RANDOM_BYTES));
    if (code === null) continue;
    const taken = await trx.selectFrom("complaints").select("id").where("tracking_code", "=", code).executeTakeFirst();
    if (!taken) return code;
  }
}

