import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { unitById } from "~/data/organisation.server";
import { respondentProfile, saveSkmReport, skmReportTexts } from "~/data/skm-reports.server";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { formatNumber } from "~/i18n/format";
import { createTranslator } from "~/i18n/i18n";
import { RESOURCES } from "~/i18n/resources.server";
import { renderSkmReportPdf } from "~/exports/pdf/skm-report.server";
import { indicatorExportTables, tablesToCsv, tablesToXlsx } from "~/exports/indicator-export.server";
import { parseIndicatorQuery } from "~/http/indicator-query";
import { skmReportData } from "~/pages/skm-report.server";
import { unitIndicatorPage } from "~/pages/unit-indicators.server";
import { freshDemoDatabase } from "./database";
import { demoStaff } from "./demo-staff";

const YEAR_2026 = parseIndicatorQuery(new URLSearchParams("periode=year&tanggal=2026-06-01"), "2026-11-24", { minimumRatings: 10 });


function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "skm-")), "laporan.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

describe("SKM report and indicator exports", async () => {
  const { db } = await freshDemoDatabase();
  const row = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select("units.id")
    .where("agencies.slug", "=", "kota-pariaman")
    .where("units.name", "=", "Dinas Kependudukan dan Pencatatan Sipil")
    .executeTakeFirstOrThrow();
  const unit = (await unitById(db, row.id))!;
  const reportUnit = { id: unit.id, name: unit.name, agencyName: unit.agencyName, agencyId: unit.agency_id, timeZone: unit.timeZone };
  const t = createTranslator("id", RESOURCES.id);

  it("saves recommendations only for a supervisor of the unit, and audits it", async () => {
    const other = await demoStaff(db, "supervisor.sorong");
    const refused = await saveSkmReport(db, other, { unitId: unit.id, period: YEAR_2026.period, recommendations: "Bukan unit saya", previousFollowUp: "" });
    expect(refused).toEqual({ ok: false, reason: "not_found" });
    expect((await skmReportTexts(db, unit.id, YEAR_2026.period)).recommendations).toBe("");

    const own = await demoStaff(db, "supervisor");
    const previous = { from: "2025-01-01", to: "2025-12-31" };
    expect(await saveSkmReport(db, own, { unitId: unit.id, period: previous, recommendations: "Sederhanakan persyaratan KTP-el.", previousFollowUp: "" })).toEqual({ ok: true });
    expect(await saveSkmReport(db, own, { unitId: unit.id, period: YEAR_2026.period, recommendations: "Draf", previousFollowUp: "" })).toEqual({ ok: true });
    expect(await saveSkmReport(db, own, { unitId: unit.id, period: YEAR_2026.period, recommendations: "Tambah loket antrean lansia.", previousFollowUp: "Persyaratan KTP-el sudah disederhanakan (selesai)." })).toEqual({ ok: true });
    const texts = await skmReportTexts(db, unit.id, YEAR_2026.period);
    expect(texts).toMatchObject({ recommendations: "Tambah loket antrean lansia.", previousFollowUp: "Persyaratan KTP-el sudah disederhanakan (selesai)." });
    const rows = await db.selectFrom("skm_reports").select("id").where("unit_id", "=", unit.id).execute();
    expect(rows).toHaveLength(2);
    const audited = await db.selectFrom("audit_log").select("action").where("subject_type", "=", "skm_report").execute();
    expect(audited.map((entry) => entry.action)).toEqual(["skm_report.save", "skm_report.save", "skm_report.save"]);
  });

  it("counts the respondent profile over valid full surveys of the period", async () => {
    const profile = await respondentProfile(db, unit.id, YEAR_2026.period);
    const count = (dimension: string, value: string | null) => profile.find((table) => table.dimension === dimension)!.rows.find((entry) => entry.value === value)?.count ?? 0;
    // The same counts straight from the raw ratings of the period (dates in the agency's zone).
    const raw = await sql<{ female: number; age: number; s1: number; pns: number; unanswered: number }>`
      select count(*) filter (where sex = 'female')::int as female, count(*) filter (where age_band = '30_39')::int as age,
        count(*) filter (where education = 'd4_s1')::int as s1, count(*) filter (where occupation = 'pns')::int as pns,
        count(*) filter (where sex is null)::int as unanswered
      from ratings r join agencies a on a.id = r.agency_id
      where r.unit_id = ${unit.id} and r.kind = 'full' and r.status = 'valid'
        and (r.submitted_at at time zone a.time_zone)::date between ${YEAR_2026.period.from} and ${YEAR_2026.period.to}`.execute(db);
    const expected = raw.rows[0]!;
    expect(expected.female).toBeGreaterThan(0);
    expect([count("sex", "female"), count("ageBand", "30_39"), count("education", "d4_s1"), count("occupation", "pns"), count("sex", null)]).toEqual([
      expected.female,
      expected.age,
      expected.s1,
      expected.pns,
      expected.unanswered,
    ]);
    const page = await unitIndicatorPage({ kind: "unit", unitId: unit.id }, YEAR_2026, db);
    expect(profile.map((table) => table.dimension)).toEqual(["sex", "ageBand", "education", "occupation"]);
    for (const table of profile) expect(table.total).toBe(page.current.counts.fullSurveys);
    expect(page.current.counts.fullSurveys).toBeGreaterThan(0);
  });

  it("writes the per-element rows and the IKM line into the CSV, with a BOM, ';' and the decimal comma", async () => {
    const page = await unitIndicatorPage({ kind: "unit", unitId: unit.id }, YEAR_2026, db);
    if (page.current.ikm.kind !== "computed") throw new Error("no IKM in 2026");
    const ikm = page.current.ikm;
    const csv = tablesToCsv(indicatorExportTables(page, YEAR_2026, unit, t), "id");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    for (const code of ELEMENT_CODES) {
      const nrr = ikm.nrr[code]!;
      expect(lines).toContain(`${code};${t(`ratings.elements.${code}.name`)};${page.current.tallies[code].count};${nrr.toFixed(2).replace(".", ",")}`);
    }
    expect(lines).toContain(`Nilai IKM (25–100);${ikm.ikmUnitRounded.toFixed(2).replace(".", ",")}`);
    expect(lines).toContain(`Mutu pelayanan;${ikm.mutu}`);
    expect(lines).toContain("Nilai per unsur (NRR)");

    const english = tablesToCsv(indicatorExportTables(page, YEAR_2026, unit, createTranslator("en", RESOURCES.en)), "en");
    expect(english.split("\r\n")).toContain(`IKM value (25–100);${ikm.ikmUnitRounded.toFixed(2)}`);

    const workbook = await tablesToXlsx(indicatorExportTables(page, YEAR_2026, unit, t));
    if (process.env.SKM_REPORT_OUT) {
      writeFileSync(path.join(process.env.SKM_REPORT_OUT, "indikator.csv"), csv);
      writeFileSync(path.join(process.env.SKM_REPORT_OUT, "indikator.xlsx"), workbook);
    }
    expect(workbook.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("renders the PDF report with the unit, its IKM as the page shows it, the mutu and the lowest element", async () => {
    const report = await skmReportData(reportUnit, YEAR_2026, db);
    if (report.current.ikm.kind !== "computed") throw new Error("no IKM in 2026");
    const ikm = report.current.ikm;
    const pdf = await renderSkmReportPdf(report, t, "id");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (process.env.SKM_REPORT_OUT) writeFileSync(path.join(process.env.SKM_REPORT_OUT, "laporan-skm.pdf"), pdf);
    const text = pdfText(pdf);
    expect(text).toContain("Dinas Kependudukan dan Pencatatan Sipil");
    expect(text).toContain(formatNumber("id", ikm.ikmUnitRounded, 2));
    expect(text).toContain(`Mutu pelayanan ${ikm.mutu}`);
    expect(text).toContain(`Unsur terendah pada periode ini adalah ${ikm.lowest} ${t(`ratings.elements.${ikm.lowest}.name`)}`);
    expect(text).toContain("Tambah loket antrean lansia.");
    expect(text).toContain("Sederhanakan persyaratan KTP-el.");
    expect(text).toContain("Persyaratan KTP-el sudah disederhanakan (selesai).");
    expect(text).toContain("Peraturan Menteri Pendayagunaan Aparatur Negara");
  });

  it("renders in English, and for a period without surveys says so instead of failing", async () => {
    const report = await skmReportData(reportUnit, YEAR_2026, db);
    if (report.current.ikm.kind !== "computed") throw new Error("no IKM in 2026");
    const english = pdfText(await renderSkmReportPdf(report, createTranslator("en", RESOURCES.en), "en"));
    expect(english).toContain(`Unit IKM value (converted) ${formatNumber("en", report.current.ikm.ikmUnitRounded, 2)}`);
    expect(english).toContain("Respondent profile");

    const long = "Perbaikan layanan di loket. ".repeat(185).trim().slice(0, 5000);
    const lengthyPdf = await renderSkmReportPdf({ ...report, texts: { ...report.texts, recommendations: long, previousFollowUp: long } }, t, "id");
    if (process.env.SKM_REPORT_OUT) writeFileSync(path.join(process.env.SKM_REPORT_OUT, "laporan-skm-panjang.pdf"), lengthyPdf);
    const lengthy = pdfText(lengthyPdf);
    expect(lengthy).toContain("6. Penutup");

    const empty = parseIndicatorQuery(new URLSearchParams("periode=year&tanggal=2015-06-01"), "2026-11-24", { minimumRatings: 10 });
    const text = pdfText(await renderSkmReportPdf(await skmReportData(reportUnit, empty, db), t, "id"));
    expect(text).toContain("Belum ada survei lengkap yang sah pada periode ini");
    expect(text).toContain("6. Penutup");
  });
});
