import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "~/platform/db.server";
import { lastCompleteQuarter } from "~/data/public-results.server";
import { addRecommendation, changeRecommendationStatus, recommendationsOf } from "~/data/skm-recommendations.server";
import { previousPeriod } from "~/domain/indicators/period";
import { addCalendarDays, localDateOf } from "~/domain/working-days";
import { IndicatorsSchema } from "~/http/open-data/schemas";
import { unitById } from "~/data/organisation.server";
import { renderSkmReportPdf } from "~/exports/pdf/skm-report.server";
import { parseIndicatorQuery } from "~/http/indicator-query";
import { createTranslator } from "~/i18n/i18n";
import { RESOURCES } from "~/i18n/resources.server";
import { skmReportData } from "~/pages/skm-report.server";
import { freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";
import { formPost, staffCookie } from "./staff-request";

// The SKM report's recommendations as records: who keeps them, how their status moves, what a refused form
// stores (nothing), and that the public unit page and the open-data API show the same commitments.
describe("SKM report recommendations", async () => {
  const { db, url } = await freshDemoDatabase();
  process.env.DATABASE_URL = url;
  afterAll(closeDatabase);

  const unit = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["units.id", "units.slug", "agencies.slug as agencySlug", "agencies.time_zone as timeZone"])
    .where("agencies.slug", "=", "kota-pariaman")
    .where("units.name", "=", "Dinas Kependudukan dan Pencatatan Sipil")
    .executeTakeFirstOrThrow();
  const today = localDateOf(new Date(), unit.timeZone);
  // A month of this year's first quarter, so the demo's own recommendations (last two quarters) stay apart.
  const period = { from: "2026-01-01", to: "2026-01-31" };
  const counts = async () => {
    const row = await sql<{ recommendations: number; updates: number; audited: number }>`
      select (select count(*)::int from skm_recommendations) as recommendations,
             (select count(*)::int from skm_recommendation_updates) as updates,
             (select count(*)::int from audit_log where subject_type = 'skm_recommendation') as audited`.execute(db);
    return row.rows[0]!;
  };
  const input = (overrides: Partial<Parameters<typeof addRecommendation>[2]> = {}) => ({
    unitId: unit.id,
    period,
    serviceId: null,
    element: "U7" as const,
    action: "Melatih petugas loket agar melayani lansia dengan sabar.",
    responsible: "Kepala Seksi Pelayanan",
    dueOn: "2026-03-31",
    ...overrides,
  });

  it("moves a recommendation from planned through in progress to done, each change dated, noted and audited", async () => {
    const supervisor = await demoStaff(db, "supervisor");
    const before = await counts();
    const added = await addRecommendation(db, supervisor, input());
    expect(added.ok).toBe(true);
    const id = added.ok ? added.id : 0;
    const change = (status: "in_progress" | "done", notedOn: string, note: string, evidence = "") =>
      changeRecommendationStatus(db, supervisor, { recommendationId: id, unitId: unit.id, status, note, evidence, notedOn, today });
    expect(await change("in_progress", "2026-02-10", "Angkatan pertama sudah dilatih.")).toEqual({ ok: true });
    expect(await change("in_progress", "2026-02-24", "Angkatan kedua sudah dilatih.")).toEqual({ ok: true });
    expect(await change("done", "2026-03-20", "Semua petugas loket sudah dilatih.", "Daftar hadir pelatihan 20 Maret 2026")).toEqual({ ok: true });

    const [row] = await recommendationsOf(db, unit.id, period, { match: "exact" });
    expect(row).toMatchObject({ id, element: "U7", status: "done", dueOn: "2026-03-31", responsible: "Kepala Seksi Pelayanan" });
    expect(row!.updates.map((update) => [update.notedOn, update.statusFrom, update.statusTo])).toEqual([
      ["2026-02-10", "planned", "in_progress"],
      ["2026-02-24", "in_progress", "in_progress"],
      ["2026-03-20", "in_progress", "done"],
    ]);
    expect(await counts()).toEqual({ recommendations: before.recommendations + 1, updates: before.updates + 3, audited: before.audited + 4 });
    const audit = await db.selectFrom("audit_log").select(["action", "before", "after"]).where("subject_type", "=", "skm_recommendation").where("subject_id", "=", String(id)).orderBy("id").execute();
    expect(audit.map((entry) => entry.action)).toEqual(["skm_recommendation.add", "skm_recommendation.status", "skm_recommendation.status", "skm_recommendation.status"]);
    expect(audit[3]!.before).toEqual({ status: "in_progress" });

    // Done is not done twice, and nothing goes back to planned; reopening needs a note.
    expect(await change("done", "2026-03-21", "Lagi", "bukti")).toEqual({ ok: false, reason: "invalid", field: "status", error: "notAllowed" });
    expect(
      await changeRecommendationStatus(db, supervisor, { recommendationId: id, unitId: unit.id, status: "planned", note: "x", evidence: "", notedOn: "2026-03-21", today }),
    ).toEqual({ ok: false, reason: "invalid", field: "status", error: "notAllowed" });
  });

  it("refuses a change without evidence, dated in the future or before the period, storing nothing", async () => {
    const supervisor = await demoStaff(db, "supervisor");
    const added = await addRecommendation(db, supervisor, input({ element: "U3", action: "Tambah loket hari Senin." }));
    const id = added.ok ? added.id : 0;
    const before = await counts();
    const attempt = (status: "in_progress" | "done", notedOn: string, evidence = "") =>
      changeRecommendationStatus(db, supervisor, { recommendationId: id, unitId: unit.id, status, note: "Sudah dikerjakan.", evidence, notedOn, today });
    expect(await attempt("done", "2026-02-01")).toEqual({ ok: false, reason: "invalid", field: "evidence", error: "evidenceRequired" });
    expect(await attempt("in_progress", addCalendarDays(today, 1))).toEqual({ ok: false, reason: "invalid", field: "notedOn", error: "future" });
    expect(await attempt("in_progress", "2025-12-31")).toEqual({ ok: false, reason: "invalid", field: "notedOn", error: "beforePeriod" });
    expect(await addRecommendation(db, supervisor, input({ dueOn: "2025-12-31" }))).toEqual({ ok: false, reason: "invalid", field: "dueOn", error: "beforePeriod" });
    expect(await counts()).toEqual(before);
    expect((await recommendationsOf(db, unit.id, period, { match: "exact" })).find((row) => row.id === id)?.status).toBe("planned");
  });

  it("is kept only by the unit's supervisors and administrators", async () => {
    const supervisor = await demoStaff(db, "supervisor");
    const added = await addRecommendation(db, supervisor, input({ element: "U9", action: "Perbaiki kipas angin ruang tunggu." }));
    const id = added.ok ? added.id : 0;
    const before = await counts();
    for (const username of ["supervisor.sorong", "petugas", "moderator", "pengaduan"]) {
      const other = await demoStaff(db, username);
      expect(await addRecommendation(db, other, input()), username).toEqual({ ok: false, reason: "not_found" });
      expect(
        await changeRecommendationStatus(db, other, { recommendationId: id, unitId: unit.id, status: "in_progress", note: "Bukan unit saya.", evidence: "", notedOn: "2026-02-01", today }),
        username,
      ).toEqual({ ok: false, reason: "not_found" });
    }
    // A recommendation reached through another unit's page is not found either, even for its own supervisor.
    const sorong = await db.selectFrom("units").innerJoin("agencies", "agencies.id", "units.agency_id").select("units.id").where("agencies.slug", "=", "kota-sorong").executeTakeFirstOrThrow();
    expect(
      await changeRecommendationStatus(db, supervisor, { recommendationId: id, unitId: sorong.id, status: "in_progress", note: "x", evidence: "", notedOn: "2026-02-01", today }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(await counts()).toEqual(before);
    const admin = await demoStaff(db, "admin");
    expect(
      await changeRecommendationStatus(db, admin, { recommendationId: id, unitId: unit.id, status: "in_progress", note: "Teknisi sudah dipanggil.", evidence: "", notedOn: "2026-02-01", today }),
    ).toEqual({ ok: true });
  });

  it("answers a bad form on the report page with 400 and the error beside each field, storing nothing", async () => {
    const route = await import("~/routes/staf.laporan.$unitId");
    const cookie = await staffCookie(db, "supervisor");
    const before = await counts();
    const path = `/staf/laporan/${unit.id}?periode=custom&dari=${period.from}&sampai=${period.to}`;
    const post = (fields: Record<string, string>) =>
      route.action({ request: formPost(path, cookie, fields), params: { unitId: String(unit.id) }, context: {} } as never) as Promise<{ init: ResponseInit | null; data: unknown }>;
    const refused = await post({ intent: "add", element: "U10", serviceId: "", action: " ", responsible: "", dueOn: "2026-02-30" });
    expect(refused.init?.status).toBe(400);
    expect(refused.data).toMatchObject({
      form: "add",
      errors: { element: "form.notInList", action: "form.required", responsible: "form.required", dueOn: "skmReport.errors.date" },
    });
    const early = await post({ intent: "add", element: "U1", serviceId: "", action: "Tempel persyaratan.", responsible: "Seksi Pelayanan", dueOn: "2025-12-01" });
    expect(early.init?.status).toBe(400);
    expect(early.data).toMatchObject({ errors: { dueOn: "skmReport.errors.beforePeriod" }, values: { action: "Tempel persyaratan." } });
    const target = (await recommendationsOf(db, unit.id, period, { match: "exact" })).find((row) => row.status === "planned");
    const noEvidence = await post({ intent: "status", recommendationId: String(target!.id), status: "done", notedOn: "2026-02-02", note: "Selesai.", evidence: "" });
    expect(noEvidence.init?.status).toBe(400);
    expect(noEvidence.data).toMatchObject({ form: "status", recommendationId: target!.id, errors: { evidence: "skmReport.errors.evidenceRequired" } });
    expect(await counts()).toEqual(before);

    // The same page stores a good one and goes back to it.
    const saved = (await route.action({
      request: formPost(path, cookie, { intent: "add", element: "U1", serviceId: "", action: "Tempel persyaratan di loket.", responsible: "Seksi Pelayanan", dueOn: "2026-02-15" }),
      params: { unitId: String(unit.id) },
      context: {},
    } as never)) as Response;
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toMatch(/disimpan=rekomendasi#rekomendasi-\d+$/);
    expect((await counts()).recommendations).toBe(before.recommendations + 1);
  });

  it("shows the same commitments on the unit page and in the API, lowest element first and nobody named", async () => {
    const quarter = lastCompleteQuarter(new Date(), unit.timeZone);
    const unitPage = await import("~/routes/kantor.$agency.$unit");
    const api = await import("~/routes/api.v1.units.$unitId.indicators");
    const response = await api.loader({
      request: new Request(`http://localhost/api/v1/units/${unit.id}/indicators`),
      params: { unitId: String(unit.id) },
      context: { ip: "198.51.100.77", secure: false },
    } as never);
    expect(response.status).toBe(200);
    const text = await response.text();
    const answer = IndicatorsSchema.parse(JSON.parse(text));
    const page = (await unitPage.loader({
      request: new Request(`http://localhost/kantor/${unit.agencySlug}/${unit.slug}`),
      params: { agency: unit.agencySlug, unit: unit.slug },
      context: {},
    } as never)) as Awaited<ReturnType<typeof unitPage.loader>>;
    expect(page.data.results.indicators.recommendations).toEqual(answer.recommendations);

    // The demo's commitments: three for the last complete quarter, those of its lowest element first; three for
    // the quarter before with one done and one late.
    const { items, previous } = answer.recommendations;
    expect(items).toHaveLength(3);
    expect(items.slice(0, 2).map((item) => item.element)).toEqual([answer.lowest, answer.lowest]);
    expect(items.map((item) => item.status).sort()).toEqual(["done", "in_progress", "planned"]);
    expect(previous).toMatchObject({ from: previousPeriod(quarter).from, to: previousPeriod(quarter).to, done: 1 });
    expect(previous.items.filter((item) => item.late)).toHaveLength(1);
    // Who is responsible stays inside the unit.
    const responsible = await db.selectFrom("skm_recommendations").select("responsible").distinct().execute();
    for (const row of responsible) expect(text).not.toContain(row.responsible);
  });

  it("gives a service page the unit's commitments that name no service or name it", async () => {
    const services = await db.selectFrom("services").select("id").where("unit_id", "=", unit.id).orderBy("id").execute();
    const api = await import("~/routes/api.v1.services.$serviceId.indicators");
    const commitmentsOf = async (serviceId: number) => {
      const response = await api.loader({
        request: new Request(`http://localhost/api/v1/services/${serviceId}/indicators`),
        params: { serviceId: String(serviceId) },
        context: { ip: "198.51.100.78", secure: false },
      } as never);
      return IndicatorsSchema.parse(await response.json()).recommendations.previous.items;
    };
    // The demo's quarter-before recommendation about the first service.
    const [first, second] = [await commitmentsOf(services[0]!.id), await commitmentsOf(services[1]!.id)];
    expect(first.filter((item) => item.service?.id === services[0]!.id)).toHaveLength(1);
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(2);
    expect(second.every((item) => item.service === null)).toBe(true);
  });

  it("lists the recommendations with their status in the PDF report, and the previous period's with what was done", async () => {
    const quarter = lastCompleteQuarter(new Date(), unit.timeZone);
    const found = (await unitById(db, unit.id))!;
    const query = parseIndicatorQuery(new URLSearchParams(`periode=quarter&tanggal=${quarter.from}`), today, { minimumRatings: 10 });
    const report = await skmReportData({ id: found.id, name: found.name, agencyName: found.agencyName, agencyId: found.agency_id, timeZone: found.timeZone }, query, db);
    expect(report.recommendations).toHaveLength(3);
    const pdf = await renderSkmReportPdf(report, createTranslator("id", RESOURCES.id), "id");
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "skm-")), "laporan.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const phrase of ["Rekomendasi perbaikan No Kode Tindakan perbaikan", "Direncanakan", "Selesai", "(Terlambat)", "Sekretaris Dinas", "1 dari 3 rekomendasi periode sebelumnya telah selesai"])
      expect(text).toContain(phrase);
    expect(text).toContain("Surat Edaran Kepala Dinas Nomor 470/112/");
  });
});
