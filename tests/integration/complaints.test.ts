import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { closeUnansweredComplaints } from "~/data/complaints/clocks.server";
import { complaintForStaff } from "~/data/complaints/detail.server";
import { complaintFiguresFor, publicComplaintsOfUnit, upheldComplaintsAgainstOfficer } from "~/data/complaints/figures.server";
import { submitComplaint } from "~/data/complaints/intake.server";
import { complaintQueue } from "~/data/complaints/queue.server";
import { actOnComplaint } from "~/data/complaints/steps.server";
import { respondAsCitizen, trackComplaint } from "~/data/complaints/tracking.server";
import { holidayCalendarFor } from "~/data/holidays.server";
import { inboxOf } from "~/data/notifications.server";
import { verifyAuditLog } from "~/data/audit.server";
import { freshDatabase, freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "suara-complaints-"));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const MONDAY = new Date("2026-11-23T02:00:00Z"); // 09:00 WIB


async function dukcapil(db: Kysely<Database>, agencySlug = "kota-pariaman") {
  return db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.path"])
    .where("agencies.slug", "=", agencySlug)
    .where("units.slug", "=", "dinas-kependudukan-dan-pencatatan-sipil")
    .executeTakeFirstOrThrow();
}

async function codeOf(db: Kysely<Database>, id: number) {
  return (await db.selectFrom("complaints").select("tracking_code").where("id", "=", id).executeTakeFirstOrThrow()).tracking_code;
}

async function eventCount(db: Kysely<Database>, id: number) {
  return (await db.selectFrom("complaint_events").select("id").where("complaint_id", "=", id).execute()).length;
}

describe("a complaint through its whole life", async () => {
  // In 2030, clear of the demo complaints seeded around the real date.
  const L_MONDAY = new Date("2030-11-25T02:00:00Z");
  const { db } = await freshDemoDatabase();
  const unit = await dukcapil(db);
  const handler = await demoStaff(db, "pengaduan");
  const head = await demoStaff(db, "supervisor");
  const officer = await demoStaff(db, "petugas");
  let id = 0;
  let code = "";

  it("is filed anonymously with a photo and gets a tracking code", async () => {
    const result = await submitComplaint(
      db,
      { unitId: unit.id, category: "pengaduan", body: "Antrean KTP-el tidak dipanggil sesuai nomor.", visitDate: "2030-11-20", visibility: "anonim", officerId: officer.officerId, attachments: [{ bytes: PNG, originalName: "foto.png" }] },
      L_MONDAY,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    id = result.complaintId;
    code = result.trackingCode;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{9}$/);
    const view = await trackComplaint(db, code, L_MONDAY);
    expect(view?.status).toBe("diterima");
    // Submitted on Monday: three working days end on Thursday 23:59 WIB.
    expect(view?.deadlines.verificationDue.toISOString()).toBe("2030-11-28T16:59:59.999Z");
    expect((await inboxOf(db, handler.id)).some((n) => n.kind === "complaint_new" && n.complaintId === id)).toBe(true);
  });

  it("refuses a follow-up before forwarding and a verification outside the handler's scope, changing nothing", async () => {
    const events = await eventCount(db, id);
    expect(await actOnComplaint(db, head, id, { type: "follow_up", text: "Sudah." }, L_MONDAY)).toEqual({ ok: false, reason: "out_of_scope" });
    expect(await actOnComplaint(db, handler, id, { type: "follow_up", text: "Sudah." }, L_MONDAY)).toEqual({ ok: false, reason: "out_of_scope" });
    expect(await actOnComplaint(db, handler, id, { type: "close", upheld: true }, L_MONDAY)).toEqual({ ok: false, reason: "invalid_transition" });
    const sorong = await demoStaff(db, "supervisor.sorong");
    expect(await actOnComplaint(db, sorong, id, { type: "verify", category: "pengaduan", visibility: "anonim" }, L_MONDAY)).toEqual({ ok: false, reason: "out_of_scope" });
    expect(await complaintForStaff(db, sorong, id, L_MONDAY)).toBeNull();
    expect(await actOnComplaint(db, handler, id, { type: "verify", category: "pengaduan", visibility: "public" }, L_MONDAY)).toEqual({ ok: false, reason: "visibility_downgrade" });
    expect(await eventCount(db, id)).toBe(events);
    expect((await trackComplaint(db, code, L_MONDAY))?.status).toBe("diterima");
  });

  it("is verified, forwarded naming the officer, followed up by the head of unit, answered by the officer", async () => {
    const t1 = new Date("2030-11-25T03:00:00Z");
    expect(await actOnComplaint(db, handler, id, { type: "verify", category: "pengaduan", visibility: "anonim" }, t1)).toEqual({ ok: true });
    expect(await actOnComplaint(db, handler, id, { type: "forward", unitId: String(unit.id), officerId: String(officer.officerId) }, t1)).toEqual({ ok: true });
    expect((await inboxOf(db, officer.id)).some((n) => n.kind === "complaint_officer_named")).toBe(true);
    expect((await inboxOf(db, head.id)).some((n) => n.kind === "complaint_forwarded")).toBe(true);

    const officerView = await complaintForStaff(db, officer, id, t1);
    expect(officerView?.contact).toBeNull();
    expect(officerView?.attachments).toEqual([]);
    expect(officerView?.actions.officer_reply).toBe(true);
    expect(officerView?.actions.follow_up).toBe(false);

    const t2 = new Date("2030-11-26T03:00:00Z");
    expect(await actOnComplaint(db, head, id, { type: "follow_up", text: "Petugas antrean sudah ditegur dan sistem antrean diperbaiki." }, t2)).toEqual({ ok: true });
    expect(await actOnComplaint(db, officer, id, { type: "officer_reply", text: "Mesin antrean sempat rusak pagi itu." }, t2)).toEqual({ ok: true });
    const handlerView = await complaintForStaff(db, handler, id, t2);
    expect(handlerView?.events.map((e) => e.type)).toEqual(["submit", "verify", "forward", "follow_up", "officer_reply"]);
    expect(handlerView?.attachments).toHaveLength(1);
  });

  it("is answered by the citizen, rated, closed as upheld and counts against the officer", async () => {
    const t3 = new Date("2030-11-27T03:00:00Z");
    const view = await trackComplaint(db, code, t3);
    expect(view?.history.some((h) => h.type === "officer_reply" && h.text === null)).toBe(true);
    expect(view?.history.find((h) => h.type === "follow_up")?.text).toContain("ditegur");
    expect(await respondAsCitizen(db, code, { satisfied: true, handlingRating: 4 }, t3)).toEqual({ ok: true });
    expect(await actOnComplaint(db, handler, id, { type: "close", upheld: true }, t3)).toEqual({ ok: true });
    expect((await trackComplaint(db, code, t3))?.status).toBe("selesai");

    const upheld = await upheldComplaintsAgainstOfficer(db, officer.officerId!, new Date("2030-11-01"), new Date("2030-12-01"));
    expect(upheld.filter((c) => c.id === id)).toHaveLength(1);
    expect(upheld.find((c) => c.id === id)?.replies.map((r) => r.text)).toEqual(["Mesin antrean sempat rusak pagi itu."]);

    const calendar = await holidayCalendarFor(db, null);
    const figures = await complaintFiguresFor(db, { unitId: unit.id, from: new Date("2030-11-25T00:00:00Z"), to: new Date("2030-11-28T00:00:00Z"), ratingCount: 100 }, calendar);
    expect(figures.complaints).toBe(1);
    expect(figures.shareVerifiedWithinLimit).toBe(1);
    expect(figures.shareFollowedUpWithinLimit).toBe(1);
    expect(figures.meanHandlingRating).toBe(4);
    expect(figures.shareNamingOfficerUpheld).toBe(1);
    const audit = await db.selectFrom("audit_log").select("action").where("subject_type", "=", "complaint").where("subject_id", "=", String(id)).execute();
    expect(audit.map((a) => a.action)).toEqual(["complaint.submit", "complaint.verify", "complaint.forward", "complaint.follow_up", "complaint.officer_reply", "complaint.citizen_response", "complaint.close"]);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("keeps its events append-only", async () => {
    await expect(db.updateTable("complaint_events").set({ type: "x" }).where("complaint_id", "=", id).execute()).rejects.toThrow(/append-only/);
  });
});

describe("bad input changes nothing", async () => {
  const { db } = await freshDemoDatabase();
  const unit = await dukcapil(db);
  const base = { unitId: unit.id, category: "pengaduan" as const, body: "Isi", visitDate: "2026-11-20", visibility: "public" as const };

  it.each([
    ["a text over 5,000 characters", { body: "x".repeat(5001) }, "body", "complaints.errors.tooLong"],
    ["a visit date in the future (WIB)", { visitDate: "2026-11-24" }, "visitDate", "complaints.errors.visitInFuture"],
    ["a disguised file", { attachments: [{ bytes: new TextEncoder().encode("MZ not an image"), originalName: "foto.jpg" }] }, "attachments", "complaints.errors.fileType"],
    ["an oversize file", { attachments: [{ bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0xff), originalName: "besar.jpg" }] }, "attachments", "complaints.errors.fileTooLarge"],
    ["four files", { attachments: Array.from({ length: 4 }, () => ({ bytes: PNG, originalName: "a.png" })) }, "attachments", "complaints.errors.tooManyFiles"],
  ])("refuses %s", async (_name, change, field, key) => {
    const before = await db.selectFrom("complaints").select("id").execute();
    const result = await submitComplaint(db, { ...base, ...change }, MONDAY);
    expect(result).toEqual({ ok: false, errors: expect.objectContaining({ [field]: key }) });
    expect(await db.selectFrom("complaints").select("id").execute()).toHaveLength(before.length);
  });

  it("accepts a visit older than 30 days but marks it late", async () => {
    const result = await submitComplaint(db, { ...base, visitDate: "2026-10-01" }, MONDAY);
    expect(result).toMatchObject({ ok: true, lateFiling: true });
  });
});

describe("confidential complaints", async () => {
  const { db } = await freshDemoDatabase();
  const unit = await dukcapil(db);
  const handler = await demoStaff(db, "pengaduan");

  it("never appear in public data, even after forwarding and follow-up; anonymous ones never name the reporter", async () => {
    const secret = "RAHASIA-uang-pelicin-di-loket-2";
    const filed = await submitComplaint(db, { unitId: unit.id, category: "pengaduan", body: secret, visitDate: "2026-11-20", visibility: "rahasia", contact: { name: "Siti Rahma", phone: "0812 3456 789" } }, MONDAY);
    const anon = await submitComplaint(db, { unitId: unit.id, category: "pengaduan", body: "ANONIM-antrean", visitDate: "2026-11-20", visibility: "anonim", contact: { name: "Budi Santoso", showName: true } }, MONDAY);
    const named = await submitComplaint(db, { unitId: unit.id, category: "aspirasi", body: "PUBLIK-kursi", visitDate: "2026-11-20", visibility: "public", contact: { name: "Rina Putri", showName: true } }, MONDAY);
    if (!filed.ok || !anon.ok || !named.ok) throw new Error("filing failed");
    for (const id of [filed.complaintId, anon.complaintId, named.complaintId]) {
      await actOnComplaint(db, handler, id, { type: "verify", category: "pengaduan", visibility: id === filed.complaintId ? "rahasia" : id === anon.complaintId ? "anonim" : "public" }, MONDAY);
      await actOnComplaint(db, handler, id, { type: "forward", unitId: String(unit.id) }, MONDAY);
      await actOnComplaint(db, handler, id, { type: "follow_up", text: "Ditindaklanjuti." }, MONDAY);
    }
    const units = await db.selectFrom("units").select("id").execute();
    const everything = JSON.stringify(await Promise.all(units.map((u) => publicComplaintsOfUnit(db, u.id, { limit: 1000 }))));
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain("Siti Rahma");
    expect(everything).not.toContain("Budi Santoso");
    expect(everything).toContain("ANONIM-antrean");
    expect(everything).toContain("Rina Putri");
    const rows = await db.selectFrom("complaints").select("visibility").where("status", "!=", "diterima").execute();
    expect(rows.some((r) => r.visibility === "rahasia")).toBe(true);
  });
});

describe("tracking lookups", async () => {
  const { db } = await freshDatabase();

  it("answer an unknown code exactly as a missing one", async () => {
    expect(await trackComplaint(db, "ZZZZZZZZZ", MONDAY)).toBeNull();
  });
});

describe("the clocks", async () => {
  const { db } = await freshDemoDatabase();
  const unit = await dukcapil(db);
  const handler = await demoStaff(db, "pengaduan");

  it("skip Christmas, its collective leave and the weekend when counting the three verification days", async () => {
    const wednesday = new Date("2026-12-23T02:00:00Z");
    const filed = await submitComplaint(db, { unitId: unit.id, category: "pengaduan", body: "Akhir tahun", visitDate: "2026-12-22", visibility: "public" }, wednesday);
    if (!filed.ok) throw new Error("filing failed");
    const view = await trackComplaint(db, filed.trackingCode, wednesday);
    // 24 Dec cuti bersama, 25 Dec Christmas, 26–27 weekend: days 1–3 are 28, 29, 30 December.
    expect(view?.deadlines.verificationDue.toISOString()).toBe("2026-12-30T16:59:59.999Z");
  });

  it("close a followed-up complaint after 10 working days without an answer, not a moment before", async () => {
    const filed = await submitComplaint(db, { unitId: unit.id, category: "pengaduan", body: "Tidak dijawab", visitDate: "2026-11-20", visibility: "anonim" }, MONDAY);
    if (!filed.ok) throw new Error("filing failed");
    const id = filed.complaintId;
    await actOnComplaint(db, handler, id, { type: "verify", category: "pengaduan", visibility: "anonim" }, MONDAY);
    await actOnComplaint(db, handler, id, { type: "forward", unitId: String(unit.id) }, MONDAY);
    await actOnComplaint(db, handler, id, { type: "follow_up", text: "Sudah diperbaiki." }, MONDAY);
    // Followed up Monday 23 Nov: ten working days end Monday 7 December 23:59 WIB.
    expect(await closeUnansweredComplaints(db, new Date("2026-12-07T16:59:00Z"))).not.toContain(id);
    expect((await trackComplaint(db, await codeOf(db, id), MONDAY))?.status).toBe("ditindaklanjuti");
    expect(await closeUnansweredComplaints(db, new Date("2026-12-07T17:00:01Z"))).toContain(id);
    const view = await trackComplaint(db, await codeOf(db, id), MONDAY);
    expect(view?.status).toBe("selesai");
    expect(view?.closure).toBe("auto_closed");
  });

  it("put late complaints first in the handler's queue", async () => {
    const later = new Date("2026-12-01T02:00:00Z");
    const queue = await complaintQueue(db, handler, { status: "open" }, later);
    expect(queue.length).toBeGreaterThan(0);
    const ranks = queue.map((row) => (row.dueStatus === "late" ? 0 : row.dueStatus === "due_today" ? 1 : 2));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });
});

describe("a citizen who is not satisfied", async () => {
  const { db } = await freshDemoDatabase();
  const unit = await dukcapil(db);
  const handler = await demoStaff(db, "pengaduan");
  const head = await demoStaff(db, "supervisor");

  it("sends it back to the unit once, then to the head of unit, and is told of the Ombudsman", async () => {
    const at = (day: number) => new Date(Date.UTC(2030, 10, day, 3));
    const filed = await submitComplaint(db, { unitId: unit.id, category: "pengaduan", body: "Belum selesai", visitDate: "2030-11-22", visibility: "public" }, at(25));
    if (!filed.ok) throw new Error("filing failed");
    const id = filed.complaintId;
    await actOnComplaint(db, handler, id, { type: "verify", category: "pengaduan", visibility: "public" }, at(25));
    await actOnComplaint(db, handler, id, { type: "forward", unitId: String(unit.id) }, at(25));
    await actOnComplaint(db, head, id, { type: "follow_up", text: "Sudah." }, at(26));
    expect(await respondAsCitizen(db, filed.trackingCode, { satisfied: false }, at(27))).toEqual({ ok: false, reason: "missing_text" });
    expect(await respondAsCitizen(db, filed.trackingCode, { satisfied: false, reason: "Belum ada perubahan.", handlingRating: 2 }, at(27))).toEqual({ ok: true });
    let view = await trackComplaint(db, filed.trackingCode, at(27));
    expect(view?.status).toBe("diteruskan");
    expect(view?.showOmbudsman).toBe(false);
    await actOnComplaint(db, head, id, { type: "follow_up", text: "Sudah, kali ini sungguh." }, at(28));
    expect(await respondAsCitizen(db, filed.trackingCode, { satisfied: false, reason: "Masih sama.", handlingRating: 1 }, at(29))).toEqual({ ok: true });
    view = await trackComplaint(db, filed.trackingCode, at(29));
    expect(view?.status).toBe("ditanggapi");
    expect(view?.showOmbudsman).toBe(true);
    expect((await inboxOf(db, head.id)).some((n) => n.kind === "complaint_escalated" && n.complaintId === id)).toBe(true);
    const escalated = await complaintQueue(db, head, { status: "open", only: "escalated" }, at(29));
    expect(escalated.map((row) => row.id)).toContain(id);
  });
});

describe("the holiday calendar an administrator keeps", async () => {
  const { db } = await freshDemoDatabase();
  const unit = await dukcapil(db);
  const admin = await demoStaff(db, "admin");

  it("moves deadlines at once when a regional holiday is added, and reminders are sent once", async () => {
    const { addHoliday } = await import("~/data/holidays.server");
    const { remindComplaintDeadlines } = await import("~/data/complaints/clocks.server");
    const monday = new Date("2031-03-03T02:00:00Z");
    const filed = await submitComplaint(db, { unitId: unit.id, category: "pengaduan", body: "Kalender", visitDate: "2031-03-03", visibility: "public" }, monday);
    if (!filed.ok) throw new Error("filing failed");
    expect((await trackComplaint(db, filed.trackingCode, monday))?.deadlines.verificationDue.toISOString()).toBe("2031-03-06T16:59:59.999Z");
    const agency = await db.selectFrom("units").select("agency_id").where("id", "=", unit.id).executeTakeFirstOrThrow();
    expect(await addHoliday(db, admin.id, { date: "2031-03-05", name: "Hari Jadi Kota", kind: "libur_daerah", agencyId: agency.agency_id })).toEqual({ ok: true });
    expect(await addHoliday(db, admin.id, { date: "2031-03-05", name: "Lagi", kind: "libur_daerah", agencyId: agency.agency_id })).toEqual({ ok: false, reason: "duplicate" });
    expect((await trackComplaint(db, filed.trackingCode, monday))?.deadlines.verificationDue.toISOString()).toBe("2031-03-07T16:59:59.999Z");

    const dueDay = new Date("2031-03-07T03:00:00Z");
    await remindComplaintDeadlines(db, dueDay);
    await remindComplaintDeadlines(db, dueDay);
    const handler = await demoStaff(db, "pengaduan");
    const reminders = (await inboxOf(db, handler.id)).filter((n) => n.kind === "complaint_due_today" && n.complaintId === filed.complaintId);
    expect(reminders).toHaveLength(1);
  });
});

describe("reporters' contact details", async () => {
  const { db } = await freshDemoDatabase();
  const unit = await dukcapil(db);
  const handler = await demoStaff(db, "pengaduan");

  it("are deleted two years after the complaint closes, as the consent text promises", async () => {
    const { purgeExpiredContacts } = await import("~/data/complaints/clocks.server");
    const filed = await submitComplaint(db, { unitId: unit.id, category: "pengaduan", body: "Spam?", visitDate: "2030-11-22", visibility: "public", contact: { email: "warga@example.org" } }, new Date("2030-11-25T02:00:00Z"));
    if (!filed.ok) throw new Error("filing failed");
    await actOnComplaint(db, handler, filed.complaintId, { type: "archive", reason: "spam", note: "" }, new Date("2030-11-25T03:00:00Z"));
    const contact = () => db.selectFrom("complaint_contacts").select("email").where("complaint_id", "=", filed.complaintId).executeTakeFirst();
    await purgeExpiredContacts(db, new Date("2032-11-20T00:00:00Z"));
    expect((await contact())?.email).toBe("warga@example.org");
    await purgeExpiredContacts(db, new Date("2032-11-26T00:00:00Z"));
    expect(await contact()).toBeUndefined();
  });
});
