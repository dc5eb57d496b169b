import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { confirmImport, createImportPreview, undoImport } from "~/data/paper-imports.server";
import { scopeIndicators } from "~/data/indicators.server";
import { checkPaperRows } from "~/domain/ratings/paper-import";
import { readSheet } from "~/exports/spreadsheet.server";
import { freshDemoDatabase } from "./database";

const PERIOD = { from: "2026-07-01", to: "2026-09-30" };

describe("importing paper surveys", async () => {
  const { db } = await freshDemoDatabase();
  const counter = await db
    .selectFrom("counters")
    .innerJoin("units", "units.id", "counters.unit_id")
    .select(["counters.id", "units.id as unitId", "units.agency_id as agencyId"])
    .where("units.kind", "=", "kecamatan")
    .orderBy("counters.id")
    .executeTakeFirstOrThrow();
  const service = await db.selectFrom("counter_services").select("service_id").where("counter_id", "=", counter.id).executeTakeFirstOrThrow();
  const admin = await db.selectFrom("users").select("id").where("username", "=", "admin").executeTakeFirstOrThrow();
  const counterScope = { kind: "counter" as const, counterId: counter.id };

  async function preview(fileName: string, bytes: Uint8Array) {
    const sheet = await readSheet(fileName, bytes);
    if (!sheet.ok) throw new Error(sheet.reason);
    const checked = checkPaperRows(sheet.records, PERIOD);
    const id = await createImportPreview(db, { agencyId: counter.agencyId, counterId: counter.id, serviceId: service.service_id, from: PERIOD.from, to: PERIOD.to, fileName, ...checked, userId: admin.id });
    return { id, checked };
  }

  it("imports a clean XLSX file in one go, and undoes it as a whole", async () => {
    const before = await scopeIndicators(db, counterScope, PERIOD);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("SKM");
    sheet.addRow(["No", "tanggal", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "jenis_kelamin"]);
    for (let i = 1; i <= 12; i++) sheet.addRow([i, "2026-08-14", 4, 3, 3, 4, 3, 3, 4, 3, 2, i % 2 ? "L" : "P"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { id, checked } = await preview("skm-agustus.xlsx", bytes);
    expect(checked.bad).toEqual([]);
    expect(await confirmImport(db, id, admin.id, false)).toEqual({ ok: true, imported: 12 });
    const after = await scopeIndicators(db, counterScope, PERIOD);
    expect(after.counts.fullSurveys - before.counts.fullSurveys).toBe(12);
    const paper = await db.selectFrom("ratings").select(["channel", "sex"]).where("import_id", "=", id).execute();
    expect(paper.every((row) => row.channel === "paper")).toBe(true);

    expect(await undoImport(db, id, admin.id)).toBe(true);
    const undone = await scopeIndicators(db, counterScope, PERIOD);
    expect(undone.counts.fullSurveys).toBe(before.counts.fullSurveys);
    expect(await undoImport(db, id, admin.id)).toBe(false);
  });

  it("refuses a bad CSV with line numbers, and imports only its good rows after an explicit choice", async () => {
    const csv = "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n4,4,7,4,4,4,4,4,4\n3,3,3,3,3,3,3,3,3\n";
    const { id, checked } = await preview("kertas.csv", new TextEncoder().encode(csv));
    expect(checked.bad).toEqual([{ line: 3, column: "U3", reason: "score", value: "7" }]);
    expect(await confirmImport(db, id, admin.id, false)).toEqual({ ok: false, reason: "bad_rows_not_accepted" });
    expect(await db.selectFrom("ratings").select("id").where("import_id", "=", id).execute()).toEqual([]);
    expect(await confirmImport(db, id, admin.id, true)).toEqual({ ok: true, imported: 2 });
    expect(await confirmImport(db, id, admin.id, true)).toEqual({ ok: false, reason: "not_preview" });
  });

  it("refuses a file without the element columns before anything is stored", async () => {
    const { id, checked } = await preview("salah.csv", new TextEncoder().encode("nama,nilai\nBudi,4\n"));
    expect(checked.good).toEqual([]);
    expect(checked.bad[0]).toMatchObject({ line: 1, reason: "missing_column", column: "U1" });
    expect(await confirmImport(db, id, admin.id, true)).toEqual({ ok: false, reason: "nothing_to_import" });
  });
});
