import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Insertable, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { RatingsTable } from "../../db/tables/ratings";
import { submitComplaint } from "~/data/complaints/intake.server";
import { actOnComplaint } from "~/data/complaints/steps.server";
import {
  scopeComments,
  scopeComplaints,
  subjectInUnit,
  unitBreakdown,
  type CommentFilter,
} from "~/data/drilldown.server";
import { scopeIndicators } from "~/data/indicators.server";
import { freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "suara-drilldown-"));

// A month after the demo's generated ratings, so every rating in it is one of this file's.
const MARCH = { from: "2030-03-01", to: "2030-03-31" };
const ZONE = "Asia/Jakarta";
const NO_FILTER: CommentFilter = { element: null, score: null };


async function unitOf(
  db: Kysely<Database>,
  agencySlug: string,
  where: { slug?: string; kind?: "sekretariat" | "puskesmas" },
) {
  let query = db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.agency_id as agencyId"])
    .where("agencies.slug", "=", agencySlug);
  if (where.slug) query = query.where("units.slug", "=", where.slug);
  if (where.kind) query = query.where("units.kind", "=", where.kind);
  return query.orderBy("units.id").executeTakeFirstOrThrow();
}

describe("a supervisor's drill-down to a counter, a service and an officer", async () => {
  const { db } = await freshDemoDatabase();
  const dukcapil = await unitOf(db, "kota-pariaman", { slug: "dinas-kependudukan-dan-pencatatan-sipil" });
  const pemda = await unitOf(db, "kota-pariaman", { kind: "sekretariat" }); // the top unit
  const puskesmas = await unitOf(db, "kota-pariaman", { kind: "puskesmas" });
  const sorong = await unitOf(db, "kota-sorong", { slug: "dinas-kependudukan-dan-pencatatan-sipil" });
  const petugas = await demoStaff(db, "petugas");
  const officerId = petugas.officerId!;
  const counter = await db
    .selectFrom("duty_roster")
    .innerJoin("counters", "counters.id", "duty_roster.counter_id")
    .select(["counters.id"])
    .where("duty_roster.officer_id", "=", officerId)
    .orderBy("counters.id")
    .executeTakeFirstOrThrow();
  const serviceId = (
    await db
      .selectFrom("counter_services")
      .select("service_id")
      .where("counter_id", "=", counter.id)
      .orderBy("service_id")
      .executeTakeFirstOrThrow()
  ).service_id;
  const colleague = await db
    .selectFrom("officers")
    .select("id")
    .where("unit_id", "=", dukcapil.id)
    .where("id", "!=", officerId)
    .orderBy("id")
    .executeTakeFirstOrThrow();

  const full = (answers: number[]) => Object.fromEntries(answers.map((value, index) => [`u${index + 1}`, value]));
  async function rate(at: string, values: Partial<Insertable<RatingsTable>>): Promise<number> {
    const row = await db
      .insertInto("ratings")
      .values({
        agency_id: dukcapil.agencyId,
        unit_id: dukcapil.id,
        counter_id: counter.id,
        service_id: serviceId,
        officer_id: officerId,
        submitted_at: new Date(at),
        channel: "qr",
        kind: "quick",
        idempotency_key: crypto.randomUUID(),
        content_hash: "test",
        device_hash: "device-hash-never-shown",
        ip_hash: "ip-hash-never-shown",
        ...values,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const ids = {
    // 01:00 WIB on 1 March, still 28 February in UTC: inside the month in the agency's time zone.
    firstMinute: await rate("2030-02-28T18:00:00Z", { quick_score: 3, comment: "Pagi-pagi sudah dilayani." }),
    quickTop: await rate("2030-03-02T03:00:00Z", { quick_score: 4, comment: "Cepat sekali." }),
    unfriendly: await rate("2030-03-03T03:00:00Z", {
      kind: "full",
      ...full([3, 3, 3, 3, 3, 3, 2, 3, 3]),
      comment: "Petugas kurang ramah.",
    }),
    allTop: await rate("2030-03-04T03:00:00Z", {
      kind: "full",
      ...full([4, 4, 4, 4, 4, 4, 4, 4, 4]),
      comment: "Semua sangat baik.",
      status: "flagged",
      flag_reasons: ["burst"],
    }),
    excluded: await rate("2030-03-05T03:00:00Z", {
      quick_score: 1,
      comment: "Komentar kasar.",
      status: "excluded",
      status_reason: "Kata-kata kasar",
    }),
    colleague: await rate("2030-03-06T03:00:00Z", {
      quick_score: 2,
      comment: "Loket ini lambat.",
      officer_id: colleague.id,
    }),
    noOfficer: await rate("2030-03-07T03:00:00Z", {
      quick_score: 3,
      comment: "Ruang tunggu nyaman.",
      officer_id: null,
    }),
  };
  // Not listed: no comment, a blank comment, and 01:00 WIB on 1 April.
  await rate("2030-03-08T03:00:00Z", { quick_score: 1 });
  await rate("2030-03-09T03:00:00Z", { quick_score: 2, comment: "   " });
  await rate("2030-03-31T18:00:00Z", { quick_score: 4, comment: "Sudah April." });

  const officerScope = { kind: "officer", officerId } as const;
  const listed = async (filter: CommentFilter, scope: Parameters<typeof scopeComments>[2] = officerScope) =>
    (await scopeComments(db, dukcapil.id, scope, MARCH, ZONE, filter)).rows.map((row) => row.id);

  it("find a counter, service or officer under its unit and the units above it, never under another unit", async () => {
    for (const unitId of [dukcapil.id, pemda.id]) {
      expect(await subjectInUnit(db, unitId, { kind: "counter", counterId: counter.id })).toMatchObject({
        kind: "counter",
        id: counter.id,
        unitId: dukcapil.id,
      });
      expect(await subjectInUnit(db, unitId, { kind: "service", serviceId })).toMatchObject({
        kind: "service",
        id: serviceId,
      });
      expect(await subjectInUnit(db, unitId, officerScope)).toMatchObject({
        kind: "officer",
        id: officerId,
        inactive: false,
      });
    }
    for (const unitId of [sorong.id, puskesmas.id]) {
      expect(await subjectInUnit(db, unitId, { kind: "counter", counterId: counter.id })).toBeNull();
      expect(await subjectInUnit(db, unitId, { kind: "service", serviceId })).toBeNull();
      expect(await subjectInUnit(db, unitId, officerScope)).toBeNull();
    }
    expect(await subjectInUnit(db, dukcapil.id, { kind: "officer", officerId: 999_999 })).toBeNull();
  });

  it("list an officer's commented ratings of the period newest first, with their status, in the agency's days", async () => {
    const page = await scopeComments(db, dukcapil.id, officerScope, MARCH, ZONE, NO_FILTER);
    expect(page.rows.map((row) => row.id)).toEqual([
      ids.excluded,
      ids.allTop,
      ids.unfriendly,
      ids.quickTop,
      ids.firstMinute,
    ]);
    expect(page.total).toBe(5);
    const byId = new Map(page.rows.map((row) => [row.id, row]));
    expect(byId.get(ids.allTop)).toMatchObject({ status: "flagged", flagReasons: ["burst"], kind: "full", value: 4 });
    expect(byId.get(ids.excluded)).toMatchObject({ status: "excluded", statusReason: "Kata-kata kasar", value: 1 });
    expect(byId.get(ids.unfriendly)?.answers.U7).toBe(2);
    expect(byId.get(ids.unfriendly)?.value).toBeCloseTo(26 / 9);
    // Nothing that could identify a device or an address leaves the database.
    for (const row of page.rows) expect(JSON.stringify(row)).not.toMatch(/hash/);
  });

  it("filter comments by an element's answer, by score, or both", async () => {
    expect(await listed({ element: "U7", score: null })).toEqual([ids.allTop, ids.unfriendly]);
    expect(await listed({ element: "U7", score: 2 })).toEqual([ids.unfriendly]);
    expect(await listed({ element: "U7", score: 1 })).toEqual([]);
    // Without an element: a quick rating's face, or a full survey's mean rounded (26/9 ≈ 2.89 is a 3).
    expect(await listed({ element: null, score: 4 })).toEqual([ids.allTop, ids.quickTop]);
    expect(await listed({ element: null, score: 3 })).toEqual([ids.unfriendly, ids.firstMinute]);
  });

  it("cover every officer at a counter and every counter of a service", async () => {
    const all = [ids.noOfficer, ids.colleague, ids.excluded, ids.allTop, ids.unfriendly, ids.quickTop, ids.firstMinute];
    expect(await listed(NO_FILTER, { kind: "counter", counterId: counter.id })).toEqual(all);
    expect(await listed(NO_FILTER, { kind: "service", serviceId })).toEqual(all);
    expect(await listed({ element: null, score: 2 }, { kind: "counter", counterId: counter.id })).toEqual([
      ids.colleague,
    ]);
  });

  it("page through comments and keep a page beyond the last within range", async () => {
    const first = await scopeComments(db, dukcapil.id, officerScope, MARCH, ZONE, NO_FILTER, 1, 2);
    expect(first).toMatchObject({ total: 5, page: 1, pageCount: 3 });
    expect(first.rows.map((row) => row.id)).toEqual([ids.excluded, ids.allTop]);
    const last = await scopeComments(db, dukcapil.id, officerScope, MARCH, ZONE, NO_FILTER, 99, 2);
    expect(last.page).toBe(3);
    expect(last.rows.map((row) => row.id)).toEqual([ids.firstMinute]);
  });

  it("count the same ratings in the figures as the rollups do", async () => {
    const figures = await scopeIndicators(db, { kind: "counter", counterId: counter.id }, MARCH);
    // 9 ratings in March (local days): 1 flagged, 1 excluded, the rest valid.
    expect(figures.counts).toMatchObject({ valid: 7, flagged: 1, excluded: 1, fullSurveys: 1 });
    const { counters, services } = await unitBreakdown(db, dukcapil.id, MARCH);
    expect(counters.find((row) => row.id === counter.id)).toMatchObject({
      ratings: 7,
      fullSurveys: 1,
      ikmUnit: expect.any(Number),
      mutu: expect.any(String),
    });
    expect(services.find((row) => row.id === serviceId)).toMatchObject({ ratings: 7, fullSurveys: 1 });
    // Only the unit's own counters and services are listed.
    const puskesmasCounters = await db
      .selectFrom("counters")
      .select("id")
      .where("unit_id", "=", puskesmas.id)
      .execute();
    expect(counters.some((row) => puskesmasCounters.some((other) => other.id === row.id))).toBe(false);
    expect(counters.every((row) => row.ratings === 0 || row.id === counter.id)).toBe(true);
  });

  it("list complaints about the officer with replies and deadlines, never the reporter's contact", async () => {
    const handler = await demoStaff(db, "pengaduan");
    const filedAt = new Date("2030-03-11T02:00:00Z");
    const named = await submitComplaint(
      db,
      {
        unitId: dukcapil.id,
        category: "pengaduan",
        visibility: "rahasia",
        body: "Petugas meminta uang tambahan untuk mempercepat KK.",
        visitDate: "2030-03-10",
        counterId: counter.id,
        serviceId,
        officerId,
        contact: { name: "Nama Pelapor Rahasia", phone: "0812 1111 2222", email: "pelapor@example.org" },
      },
      filedAt,
    );
    if (!named.ok) throw new Error(JSON.stringify(named.errors));
    expect(
      (
        await actOnComplaint(
          db,
          handler,
          named.complaintId,
          { type: "verify", category: "pengaduan", visibility: "rahasia" },
          new Date("2030-03-11T04:00:00Z"),
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await actOnComplaint(
          db,
          handler,
          named.complaintId,
          { type: "forward", unitId: String(dukcapil.id), officerId: String(officerId) },
          new Date("2030-03-11T05:00:00Z"),
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await actOnComplaint(
          db,
          petugas,
          named.complaintId,
          { type: "officer_reply", text: "Saya tidak pernah meminta uang." },
          new Date("2030-03-12T02:00:00Z"),
        )
      ).ok,
    ).toBe(true);

    // Forwarded to the puskesmas: no longer Disdukcapil's to see.
    const elsewhere = await submitComplaint(
      db,
      {
        unitId: dukcapil.id,
        category: "pengaduan",
        visibility: "public",
        body: "Salah alamat.",
        visitDate: "2030-03-10",
        counterId: counter.id,
        officerId,
      },
      filedAt,
    );
    if (!elsewhere.ok) throw new Error(JSON.stringify(elsewhere.errors));
    await actOnComplaint(
      db,
      handler,
      elsewhere.complaintId,
      { type: "verify", category: "pengaduan", visibility: "public" },
      new Date("2030-03-11T04:00:00Z"),
    );
    expect(
      (
        await actOnComplaint(
          db,
          handler,
          elsewhere.complaintId,
          { type: "forward", unitId: String(puskesmas.id) },
          new Date("2030-03-11T05:00:00Z"),
        )
      ).ok,
    ).toBe(true);
    // Filed in April: outside the period.
    const april = await submitComplaint(
      db,
      {
        unitId: dukcapil.id,
        category: "pengaduan",
        visibility: "public",
        body: "Bulan berikutnya.",
        visitDate: "2030-04-02",
        officerId,
      },
      new Date("2030-04-02T02:00:00Z"),
    );
    expect(april.ok).toBe(true);

    const now = new Date("2030-03-25T02:00:00Z");
    for (const scope of [
      officerScope,
      { kind: "counter", counterId: counter.id } as const,
      { kind: "service", serviceId } as const,
    ]) {
      const { total, complaints } = await scopeComplaints(db, dukcapil.id, scope, MARCH, ZONE, now);
      expect(total).toBe(1);
      expect(complaints[0]).toMatchObject({
        id: named.complaintId,
        status: "diteruskan",
        visibility: "rahasia",
        replies: [{ text: "Saya tidak pernah meminta uang." }],
        running: { stage: "follow_up", status: "late" },
        upheld: null,
      });
      const text = JSON.stringify(complaints);
      for (const secret of ["Nama Pelapor Rahasia", "0812", "pelapor@example.org"]) expect(text).not.toContain(secret);
    }
    // From the government's root unit the complaint forwarded to the puskesmas is in scope too; from another
    // government's unit, nothing.
    expect(
      (await scopeComplaints(db, pemda.id, officerScope, MARCH, ZONE, now)).complaints.map((complaint) => complaint.id),
    ).toEqual([elsewhere.complaintId, named.complaintId]);
    expect((await scopeComplaints(db, sorong.id, officerScope, MARCH, ZONE, now)).total).toBe(0);
    expect(
      (await scopeComplaints(db, dukcapil.id, officerScope, { from: "2030-04-01", to: "2030-04-30" }, ZONE, now)).total,
    ).toBe(1);
  });
});
