import { describe, expect, it } from "vitest";
import { BAD_ROWS, asImportFiles, exampleTables, setCell } from "../../../tests/fixtures/org-import";
import { planImport, type ExistingOrganisation } from "./plan";

const EMPTY: ExistingOrganisation = { units: [], services: [], counters: [], officers: [], patterns: [], foreignNips: new Set() };
const OPTIONS = { retireMissing: false, today: new Date("2026-12-04T03:00:00Z"), zone: "Asia/Jakarta" };

describe("planImport", () => {
  it("plans the whole example organisation as new", () => {
    const check = planImport(asImportFiles(exampleTables()), EMPTY, OPTIONS);
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    expect(check.plan.units.added.map((unit) => unit.code)).toEqual(["SETDA", "DUKCAPIL", "DINKES", "PKM-PANTAI", "KEC-TIMUR"]);
    expect(check.plan.services.added).toHaveLength(7);
    expect(check.plan.counters.added.find((counter) => counter.code === "DKC-2")?.serviceCodes).toEqual(["KK", "AKTA"]);
    expect(check.plan.officers.added).toHaveLength(13);
    expect(check.plan.patterns.added).toHaveLength(9);
    expect(check.changes).toBe(5 + 7 + 5 + 13 + 9);
  });

  it.each(BAD_ROWS)("refuses $name as $file:$line", ({ edit, file, line, reason }) => {
    const check = planImport(asImportFiles(edit(exampleTables())), EMPTY, OPTIONS);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toContainEqual(expect.objectContaining({ file, line, reason }));
  });

  it("reads NIPs typed with spaces or dots, times with dots and trailing spaces", () => {
    const tables = exampleTables();
    setCell(tables, "pegawai", 5, "nip", "19900305 201503 1 004 ");
    setCell(tables, "jadwal", 2, "nip", "19900305.201503.1.004");
    setCell(tables, "jadwal", 2, "jam_mulai", "8.00");
    setCell(tables, "unit", 3, "kode", " dukcapil ");
    const check = planImport(asImportFiles(tables), EMPTY, OPTIONS);
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    expect(check.plan.officers.added.find((officer) => officer.name === "Agus Setiawan")?.nip).toBe("199003052015031004");
    expect(check.plan.patterns.added[0]).toMatchObject({ nip: "199003052015031004", starts: "08:00", weekdays: [1, 2, 3, 4] });
  });

  it("reports every bad row, sorted by file and line", () => {
    const tables = exampleTables();
    setCell(tables, "jadwal", 3, "jam_selesai", "07:00");
    setCell(tables, "unit", 3, "jenis", "kantor dinas");
    const check = planImport(asImportFiles(tables), EMPTY, OPTIONS);
    expect(check.ok ? [] : check.problems.map((problem) => `${problem.file}:${problem.line}:${problem.reason}`)).toEqual([
      "unit.csv:3:badKind",
      "jadwal.csv:3:endsBeforeStarts",
    ]);
  });

  it("checks references against what the portal keeps when a sheet is not given", () => {
    const existing: ExistingOrganisation = {
      ...EMPTY,
      units: [{ id: 1, code: "SETDA", name: "Setda", kind: "sekretariat", parentId: null, address: null, retired: false }],
    };
    const files = asImportFiles(exampleTables(), ["layanan"]);
    const check = planImport(files, existing, OPTIONS);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.every((problem) => problem.reason === "unknownUnit")).toBe(true);
  });

  it("adopts a portal's uncoded units, services and counters by name instead of adding them twice", () => {
    const existing: ExistingOrganisation = {
      ...EMPTY,
      units: [
        { id: 1, code: null, name: "Sekretariat Daerah Kota Lama", kind: "pemda", parentId: null, address: null, retired: false },
        { id: 2, code: null, name: "Dinas Kependudukan dan Pencatatan Sipil", kind: "dinas", parentId: 1, address: null, retired: false },
      ],
      services: [{ id: 9, code: null, unitId: 2, name: "Penerbitan KTP-el", requirements: "", procedure: "", completionDays: 1, feeRupiah: 0, product: "", complaintChannel: "", usersPerYear: null, retired: false }],
      counters: [{ id: 5, code: null, unitId: 2, name: "Loket 1 KTP-el", serviceIds: [9], retired: false }],
    };
    const check = planImport(asImportFiles(exampleTables()), existing, OPTIONS);
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    expect(check.plan.units.updated.map((update) => [update.id, update.row.code])).toEqual([[1, "SETDA"], [2, "DUKCAPIL"]]);
    expect(check.plan.services.updated.map((update) => [update.id, update.row.code])).toEqual([[9, "KTP"]]);
    expect(check.plan.counters.updated.map((update) => [update.id, update.fields])).toEqual([[5, ["code"]]]);
    expect(check.plan.services.added.map((row) => row.code)).not.toContain("KTP");
  });

  it("refuses a new service whose name a coded service of the same unit already has", () => {
    const existing: ExistingOrganisation = {
      ...EMPTY,
      units: [
        { id: 1, code: "SETDA", name: "Setda", kind: "sekretariat", parentId: null, address: null, retired: false },
        { id: 2, code: "DUKCAPIL", name: "Dukcapil", kind: "dinas", parentId: 1, address: null, retired: false },
      ],
      services: [{ id: 9, code: "KTP-LAMA", unitId: 2, name: "Penerbitan KTP-el", requirements: "", procedure: "", completionDays: 1, feeRupiah: 0, product: "", complaintChannel: "", usersPerYear: null, retired: false }],
    };
    const check = planImport(asImportFiles(exampleTables(), ["layanan"]), existing, OPTIONS);
    expect(check.ok ? [] : check.problems).toContainEqual(expect.objectContaining({ file: "layanan.csv", line: 2, reason: "nameTaken" }));
  });
});
