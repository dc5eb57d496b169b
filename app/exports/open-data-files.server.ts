import ExcelJS from "exceljs";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import type { AgencyResultRow } from "~/pages/open-data.server";

// A government's results as files for reuse: one row per unit and per service, the same figures and suppression
// as the JSON answers. Machine-readable on purpose: English column names, comma-separated, decimal point, UTF-8
// without a byte-order mark; an empty cell is a figure that is withheld or unknown.

type Value = string | number | boolean | null;

export const RESULT_COLUMNS = [
  "agency",
  "period",
  "period_from",
  "period_to",
  "unit_id",
  "unit",
  "service_id",
  "service",
  "respondents",
  "minimum",
  "suppressed",
  "ikm",
  "mutu",
  "lowest_element",
  "population",
  "sample_required",
  "sufficient",
  ...ELEMENT_CODES.map((code) => `${code.toLowerCase()}_nrr`),
  "quick_ratings",
  "quick_satisfied_share",
  "quick_interval_low",
  "quick_interval_high",
  "excluded_ratings",
  "excluded_share",
] as const;

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

export function resultRowValues(row: AgencyResultRow): Value[] {
  const i = row.indicators;
  return [
    row.agency,
    i.period.code,
    i.period.from,
    i.period.to,
    row.unitId,
    row.unit,
    row.serviceId,
    row.service,
    i.respondents,
    i.minimum,
    i.suppressed,
    i.ikm,
    i.mutu,
    i.lowest,
    i.population,
    i.sampleRequired,
    i.sufficient,
    ...ELEMENT_CODES.map((code) => i.elements.find((element) => element.code === code)?.nrr ?? null),
    i.quick.ratings,
    round(i.quick.satisfiedShare, 4),
    round(i.quick.interval?.low ?? null, 4),
    round(i.quick.interval?.high ?? null, 4),
    i.excluded.ratings,
    round(i.excluded.share, 4),
  ];
}

function csvField(value: Value): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row. */
export function resultsCsv(rows: readonly AgencyResultRow[]): string {
  const lines = [RESULT_COLUMNS.join(","), ...rows.map((row) => resultRowValues(row).map(csvField).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

/** The same rows as an XLSX workbook with one sheet. */
export async function resultsXlsx(rows: readonly AgencyResultRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Suara";
  const sheet = workbook.addWorksheet("results");
  sheet.addRow([...RESULT_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(resultRowValues(row));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
