import ExcelJS from "exceljs";
import { parseCsvRecords, type CsvRecord } from "~/domain/indicators/csv-ikm";

export type SheetResult = { ok: true; records: CsvRecord[] } | { ok: false; reason: "unreadable" | "unsupported" };

/** Reads a CSV or XLSX upload into rows of text with their spreadsheet line numbers (header = line 1). */
export async function readSheet(fileName: string, bytes: Uint8Array): Promise<SheetResult> {
  const lower = fileName.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // XLSX files are ZIP archives: "PK"
  if (lower.endsWith(".xlsx") || isZip) {
    try {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) return { ok: false, reason: "unreadable" };
      const records: CsvRecord[] = [];
      sheet.eachRow({ includeEmpty: false }, (row, line) => {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        records.push({ line, fields: values.map(cellText) });
      });
      return { ok: true, records };
    } catch {
      return { ok: false, reason: "unreadable" };
    }
  }
  if (!lower.endsWith(".csv") && !lower.endsWith(".txt")) return { ok: false, reason: "unsupported" };
  const parsed = parseCsvRecords(new TextDecoder("utf-8").decode(bytes));
  return parsed.ok ? { ok: true, records: parsed.records } : { ok: false, reason: "unreadable" };
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "result" in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === "object" && "text" in value) return String(value.text);
  if (typeof value === "object" && "richText" in value) return value.richText.map((part) => part.text).join("");
  return String(value);
}
