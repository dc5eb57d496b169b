import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { importOrganisation, type ImportRequest } from "~/data/org-import.server";
import { officersOnDuty } from "~/data/ratings.server";
import { SHEET_NAMES, type SheetName } from "~/domain/org-import/sheets";
import { readImportPath } from "~/exports/org-import-files.server";
import { BAD_ROWS, EXAMPLE_FOLDER, exampleTables, renumbered, setCell, toCsv, type Tables } from "../fixtures/org-import";
import { freshDatabase } from "./database";

const { db, url } = await freshDatabase();
const NOW = new Date("2026-12-04T03:00:00Z"); // Friday 10:00 WIB

function folderOf(tables: Tables, options: { delimiter?: string; bom?: boolean; only?: readonly SheetName[] } = {}): string {
  const folder = mkdtempSync(join(tmpdir(), "suara-org-"));
  for (const sheet of options.only ?? SHEET_NAMES) {
    writeFileSync(join(folder, `${sheet}.csv`), (options.bom ? "\uFEFF" : "") + toCsv(tables[sheet], options.delimiter));
  }
  return folder;
}

async function run(path: string, slug: string, extra: Partial<ImportRequest> = {}) {
  const read = await readImportPath(path);
  if (!read.ok) throw new Error(read.reason);
  return importOrganisation(db, { agency: { slug, name: `Pemerintah ${slug}`, zone: "Asia/Jakarta" }, files: read.files, retireMissing: false, dryRun: false, actorUserId: null, source: path, now: NOW, ...extra });
}

async function counterId(slug: string, code: string) {
  const row = await db
    .selectFrom("counters")
    .innerJoin("units", "units.id", "counters.unit_id")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select("counters.id")
    .where("agencies.slug", "=", slug)
    .where("counters.code", "=", code)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("a clean folder", () => {
  let outcome: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    outcome = await run(EXAMPLE_FOLDER, "kota-teluk-harapan");
  });

  it("adds the whole organisation and reports what it added", () => {
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.summary).toEqual({
      units: { added: 5, updated: 0, unchanged: 0, retired: 0 },
      services: { added: 7, updated: 0, unchanged: 0, retired: 0 },
      counters: { added: 5, updated: 0, unchanged: 0, retired: 0 },
      officers: { added: 13, updated: 0, unchanged: 0, retired: 0 },
      patterns: { added: 9, updated: 0, unchanged: 0, retired: 0 },
      accounts: 13,
    });
  });

  it("builds the unit tree, the supervisor chain and accounts awaiting activation", async () => {
    const units = await db.selectFrom("units").select(["code", "path", "parent_id"]).where("agency_id", "=", outcome.ok ? outcome.agencyId : 0).orderBy("id").execute();
    const setda = units.find((unit) => unit.code === "SETDA")!;
    const puskesmas = units.find((unit) => unit.code === "PKM-PANTAI")!;
    const dinkes = units.find((unit) => unit.code === "DINKES")!;
    expect(setda.parent_id).toBeNull();
    expect(puskesmas.path).toMatch(new RegExp(`^${setda.path}${dinkes.path.split("/").at(-2)}/\\d+/$`));
    const agus = await db
      .selectFrom("officers")
      .innerJoin("officers as boss", "boss.id", "officers.supervisor_id")
      .select(["boss.name as boss"])
      .where("officers.nip", "=", "199003052015031004")
      .executeTakeFirstOrThrow();
    expect(agus.boss).toBe("Rina Marlina");
    const user = await db.selectFrom("users").innerJoin("officers", "officers.id", "users.officer_id").select(["users.username", "users.password_hash"]).where("officers.nip", "=", "199003052015031004").executeTakeFirstOrThrow();
    expect(user).toEqual({ username: "199003052015031004", password_hash: null });
    const services = await db.selectFrom("services").select(["code", "users_per_year", "completion_days"]).where("code", "in", ["KTP", "AKTA"]).orderBy("code").execute();
    expect(services).toEqual([
      { code: "AKTA", users_per_year: null, completion_days: 1 },
      { code: "KTP", users_per_year: 12000, completion_days: 1 },
    ]);
  });

  it("puts the roster's officers on duty at their counter in office hours only (agency time)", async () => {
    const counter = await counterId("kota-teluk-harapan", "DKC-1");
    const names = async (at: string) => (await officersOnDuty(db, counter, new Date(at))).map((officer) => officer.name).sort();
    expect(await names("2026-12-04T03:00:00Z")).toEqual(["Agus Setiawan", "Dewi Lestari"]); // Friday 10:00 WIB
    expect(await names("2026-12-04T09:15:00Z")).toEqual(["Agus Setiawan"]); // Friday 16:15 WIB: Friday runs to 16:30
    expect(await names("2026-12-03T09:15:00Z")).toEqual([]); // Thursday 16:15 WIB
    expect(await names("2026-12-05T03:00:00Z")).toEqual([]); // Saturday
  });

  it("changes nothing on a second import of the same files, and says so", async () => {
    const audits = await db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const shifts = await db.selectFrom("duty_roster").select(["id"]).orderBy("id").execute();
    const again = await run(EXAMPLE_FOLDER, "kota-teluk-harapan");
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(again.changes).toBe(0);
    expect(again.importId).toBeNull();
    expect(again.summary.officers).toEqual({ added: 0, updated: 0, unchanged: 13, retired: 0 });
    expect(again.summary.patterns).toEqual({ added: 0, updated: 0, unchanged: 9, retired: 0 });
    expect(await db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).toEqual(audits);
    expect(await db.selectFrom("duty_roster").select(["id"]).orderBy("id").execute()).toEqual(shifts);
  });
});

describe("each kind of bad row", () => {
  it.each(BAD_ROWS)("$name is reported as $file:$line and nothing is written", async ({ edit, file, line, reason }) => {
    const slug = `bad-${reason.toLowerCase()}-${line}`;
    const outcome = await run(folderOf(edit(exampleTables())), slug);
    expect(outcome.ok).toBe(false);
    if (outcome.ok || "agencyProblem" in outcome) return;
    expect(outcome.problems).toContainEqual(expect.objectContaining({ file, line, reason }));
    expect(await db.selectFrom("agencies").select("id").where("slug", "=", slug).executeTakeFirst()).toBeUndefined();
  });
});

describe("all or nothing", () => {
  it("writes nothing of a large good import when one shift is bad, and the command exits 1 naming file and line", async () => {
    const tables = setCell(renumbered(exampleTables(), 1), "jadwal", 10, "jam_selesai", "07.00");
    const folder = folderOf(tables);
    const before = await db.selectFrom("officers").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const result = await promisify(execFile)("node", ["--import", "tsx", "db/cli/org-import.ts", "--agency", "kota-gagal", "--name", "Pemerintah Kota Gagal", folder], {
      env: { ...process.env, DATABASE_URL: url, SUARA_LANG: "id" },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("jadwal.csv:10: jam selesai harus sesudah jam mulai");
    expect(result.stderr).toContain("1 baris bermasalah; tidak ada yang disimpan.");
    expect(await db.selectFrom("officers").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).toEqual(before);
    expect(await db.selectFrom("agencies").select("id").where("slug", "=", "kota-gagal").executeTakeFirst()).toBeUndefined();
  });

  it("a dry run checks and counts but writes nothing", async () => {
    const outcome = await run(folderOf(renumbered(exampleTables(), 2)), "kota-uji", { dryRun: true });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.summary.units.added).toBe(5);
    expect(await db.selectFrom("agencies").select("id").where("slug", "=", "kota-uji").executeTakeFirst()).toBeUndefined();
  });
});

describe("an update", () => {
  const slug = "kota-berubah";
  beforeAll(async () => {
    const first = await run(folderOf(renumbered(exampleTables(), 3)), slug);
    if (!first.ok) throw new Error(JSON.stringify(first));
  });

  it("updates by code and NIP, adds new rows, keeps absent ones, and reports each", async () => {
    const tables = renumbered(exampleTables(), 3);
    setCell(tables, "layanan", 2, "nama", "Penerbitan dan Perekaman KTP-el");
    setCell(tables, "pegawai", 7, "kode_unit", "KEC-TIMUR"); // Budi moves to the kecamatan
    setCell(tables, "pegawai", 7, "nip_atasan", "197812052003121072");
    tables.loket.push(["DKC-3", "DUKCAPIL", "Loket 3 Akta", "AKTA"]);
    tables.pegawai.splice(4, 1); // Agus is not in the new list
    tables.jadwal = tables.jadwal.filter((row) => row[1] !== "199003052015031064");
    const outcome = await run(folderOf(tables), slug);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.summary.services).toEqual({ added: 0, updated: 1, unchanged: 6, retired: 0 });
    expect(outcome.summary.counters).toEqual({ added: 1, updated: 0, unchanged: 5, retired: 0 });
    expect(outcome.summary.officers).toEqual({ added: 0, updated: 1, unchanged: 11, retired: 0 });
    expect(outcome.plan.officers.updated[0]?.fields).toEqual(["unit", "supervisor"]);
    const budi = await db.selectFrom("officers").innerJoin("units", "units.id", "officers.unit_id").select("units.code").where("officers.nip", "=", "199411232020121066").executeTakeFirstOrThrow();
    expect(budi.code).toBe("KEC-TIMUR");
    const grants = await db.selectFrom("user_roles").innerJoin("users", "users.id", "user_roles.user_id").innerJoin("units", "units.id", "user_roles.unit_id").select("units.code").where("users.username", "=", "199411232020121066").execute();
    expect(grants).toEqual([{ code: "KEC-TIMUR" }]);
    const agus = await db.selectFrom("officers").select("active").where("nip", "=", "199003052015031064").executeTakeFirstOrThrow();
    expect(agus.active).toBe(true);
  });

  it("with --retire-missing, retires what the files no longer list and keeps its history", async () => {
    const tables = renumbered(exampleTables(), 3);
    tables.pegawai.splice(4, 1);
    tables.jadwal = tables.jadwal.filter((row) => row[1] !== "199003052015031064");
    tables.loket = tables.loket.filter((row) => row[0] !== "KEC-1");
    tables.jadwal = tables.jadwal.filter((row) => row[0] !== "KEC-1");
    const outcome = await run(folderOf(tables), slug, { retireMissing: true });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.summary.officers.retired).toBe(1);
    expect(outcome.summary.counters.retired).toBe(2); // KEC-1 and DKC-3 from the previous import
    expect(outcome.plan.officers.retired[0]?.label).toContain("Agus Setiawan");
    const agus = await db.selectFrom("officers").leftJoin("users", "users.officer_id", "officers.id").select(["officers.active", "officers.retired_at", "users.active as userActive"]).where("officers.nip", "=", "199003052015031064").executeTakeFirstOrThrow();
    expect(agus).toMatchObject({ active: false, userActive: false });
    expect(agus.retired_at).not.toBeNull();
    const counter = await counterId(slug, "KEC-1");
    expect((await db.selectFrom("counters").select("retired_at").where("id", "=", counter).executeTakeFirstOrThrow()).retired_at).not.toBeNull();
    // Agus is off the counter from today; his past shifts stay in the roster's history.
    const dkc1 = await counterId(slug, "DKC-1");
    expect((await officersOnDuty(db, dkc1, NOW)).map((officer) => officer.name)).toEqual(["Dewi Lestari"]);
    const past = await db.selectFrom("duty_roster").innerJoin("officers", "officers.id", "duty_roster.officer_id").select("duty_roster.id").where("officers.nip", "=", "199003052015031064").where("duty_roster.starts_at", "<", NOW).executeTakeFirst();
    expect(past).toBeDefined();
  });
});

describe("files as agencies have them", () => {
  it("reads CSV saved by Excel in Indonesian locale: BOM, `;`, extra columns, trailing spaces and empty rows", async () => {
    const tables = renumbered(exampleTables(), 4);
    setCell(tables, "pegawai", 5, "nip", "19900305 201503 1 084");
    tables.pegawai = tables.pegawai.map((row, index) => [...row.map((cell) => (cell ? `${cell}  ` : cell)), index === 0 ? "Status Kepegawaian" : "PNS"]);
    tables.jadwal.push(["", "", "", "", "", "", ""], ["", "", "", "", "", "", ""]);
    tables.unit[0] = tables.unit[0]!.map((header) => header.toUpperCase());
    const outcome = await run(folderOf(tables, { delimiter: ";", bom: true }), "kota-excel");
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.summary.officers.added).toBe(13);
    expect((await db.selectFrom("officers").select("name").where("nip", "=", "199003052015031084").executeTakeFirstOrThrow()).name).toBe("Agus Setiawan");
  });

  it("reads an XLSX workbook, and refuses a NIP stored as a number with a clear reason", async () => {
    const folder = mkdtempSync(join(tmpdir(), "suara-xlsx-"));
    const write = async (numericNip: boolean) => {
      const workbook = new ExcelJS.Workbook();
      for (const sheet of SHEET_NAMES) {
        const worksheet = workbook.addWorksheet(sheet === "pegawai" ? "Pegawai" : sheet);
        for (const [index, row] of renumbered(exampleTables(), 5)[sheet].entries()) {
          worksheet.addRow(sheet === "pegawai" && index === 4 && numericNip ? [Number(row[0]), ...row.slice(1)] : row);
        }
        worksheet.addRow([]);
      }
      const path = join(folder, numericNip ? "angka.xlsx" : "organisasi.xlsx");
      await workbook.xlsx.writeFile(path);
      return path;
    };
    const refused = await run(await write(true), "kota-xlsx");
    expect(refused.ok).toBe(false);
    if (!refused.ok && !("agencyProblem" in refused)) {
      expect(refused.problems).toContainEqual(expect.objectContaining({ file: "angka.xlsx › pegawai", line: 5, reason: "nipStoredAsNumber" }));
    }
    const outcome = await run(await write(false), "kota-xlsx");
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.summary.patterns.added).toBe(9);
  });
});
