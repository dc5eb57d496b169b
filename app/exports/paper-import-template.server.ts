import ExcelJS from "exceljs";
import { TEMPLATE_COLUMNS } from "~/domain/ratings/paper-import";

// The empty sheet a unit types its paper SKM forms into: exactly the columns the import reads, in order.
// The CSV is the header line alone (UTF-8 with BOM, comma-separated, as the import detects it); the XLSX
// has the same header on its first sheet and, on a second one, what each column accepts.

export function paperTemplateCsv(): string {
  return `\uFEFF${TEMPLATE_COLUMNS.join(",")}\r\n`;
}

export async function paperTemplateXlsx(notes: { sheet: string; notesSheet: string; column: string; accepts: string; rows: [string, string][] }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(notes.sheet);
  sheet.addRow([...TEMPLATE_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  TEMPLATE_COLUMNS.forEach((name, index) => {
    // Dates and codes stay text, so a spreadsheet does not turn "2026-07-01" into a serial number.
    sheet.getColumn(index + 1).width = Math.max(6, name.length + 4);
    if (name === "tanggal") sheet.getColumn(index + 1).numFmt = "@";
  });
  const help = workbook.addWorksheet(notes.notesSheet);
  help.addRow([notes.column, notes.accepts]).font = { bold: true };
  for (const row of notes.rows) help.addRow(row);
  help.getColumn(1).width = 18;
  help.getColumn(2).width = 90;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
