import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import { parseCsvRecords } from "~/domain/indicators/csv-ikm";
import { SHEET_NAMES, type ImportFiles, type RawRecord, type SheetName } from "~/domain/org-import/sheets";

// Reads an organisation import from what agencies have: an XLSX workbook with the sheets unit, layanan, loket,
// pegawai and jadwal, or CSV files of those names (UTF-8 with or without BOM, `,` or `;`, as Excel saves them).

export type ReadOutcome = { ok: true; files: ImportFiles } | { ok: false; reason: "unreadable" | "unsupported" | "notFound"; name: string };

/** A folder of CSV files or a workbook on disk (the command line). */
export async function readImportPath(path: string): Promise<ReadOutcome> {
  const info = await stat(path).catch(() => null);
  if (!info) return { ok: false, reason: "notFound", name: path };
  if (info.isDirectory()) {
    const uploads: { name: string; bytes: Uint8Array }[] = [];
    for (const entry of await readdir(path)) {
      if (/\.(csv|txt)$/i.test(entry)) uploads.push({ name: entry, bytes: await readFile(join(path, entry)) });
    }
    return readUploads(uploads);
  }
  return readUploads([{ name: basename(path), bytes: await readFile(path) }]);
}

/** Uploaded files: one workbook, or one CSV per sheet (named unit.csv, layanan.csv, …). */
export async function readUploads(uploads: { name: string; bytes: Uint8Array }[]): Promise<ReadOutcome> {
  const files: ImportFiles = {};
  for (const upload of uploads) {
    const isZip = upload.bytes[0] === 0x50 && upload.bytes[1] === 0x4b; // XLSX is a ZIP archive: "PK"
    if (/\.xlsx$/i.test(upload.name) || isZip) {
      const workbook = await readWorkbook(upload.name, upload.bytes);
      if (!workbook) return { ok: false, reason: "unreadable", name: upload.name };
      Object.assign(files, workbook);
      continue;
    }
    const sheet = sheetNameOf(upload.name);
    if (!sheet) continue; // other files in the folder are not part of the import
    const parsed = parseCsvRecords(new TextDecoder("utf-8").decode(upload.bytes));
    if (!parsed.ok) return { ok: false, reason: "unreadable", name: upload.name };
    files[sheet] = { file: upload.name, records: parsed.records };
  }
  return { ok: true, files };
}

function sheetNameOf(fileName: string): SheetName | null {
  const stem = basename(fileName).replace(/\.(csv|txt)$/i, "").trim().toLowerCase();
  return (SHEET_NAMES as string[]).includes(stem) ? (stem as SheetName) : null;
}

async function readWorkbook(fileName: string, bytes: Uint8Array): Promise<ImportFiles | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const files: ImportFiles = {};
  for (const sheet of workbook.worksheets) {
    const name = sheet.name.trim().toLowerCase();
    if (!(SHEET_NAMES as string[]).includes(name)) continue;
    const records: RawRecord[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      records.push({ line, fields: values.map(cellText), numeric: values.map((value) => typeof value === "number") });
    });
    files[name as SheetName] = { file: `${basename(fileName)} › ${name}`, records };
  }
  return files;
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel keeps a time of day as a date on 30 Dec 1899, a calendar day as midnight UTC.
    if (value.getUTCFullYear() < 1900) return value.toISOString().slice(11, 16);
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "object" && "result" in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === "object" && "richText" in value) return value.richText.map((part) => part.text).join("");
  if (typeof value === "object" && "text" in value) return String(value.text);
  return String(value);
}
