import ExcelJS from "exceljs";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { INTL_TAG, type Locale } from "~/i18n/config";
import type { TFunction } from "~/i18n/react";
import type { IndicatorQuery } from "~/http/indicator-query";
import type { unitIndicatorPage } from "~/pages/unit-indicators.server";

// The indicator page's tables as files: CSV for Indonesian Excel (UTF-8 with BOM, ";" between fields, the
// reader's decimal mark) and XLSX with one sheet per table. Numbers keep their value; only the text differs.

export type IndicatorPageData = Awaited<ReturnType<typeof unitIndicatorPage>>;

/** A cell: text, a number with the decimals to show, or empty. */
export type Cell = string | { value: number; decimals: number } | null;

export interface ExportTable {
  /** Sheet name (at most 31 characters, no []:*?/\). */
  sheet: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

const number = (value: number | null | undefined, decimals = 0): Cell => (value === null || value === undefined ? null : { value, decimals });

/** Summary, per-element NRR, officers and the 12-month trend, as the page shows them for the unit and period. */
export function indicatorExportTables(data: IndicatorPageData, query: IndicatorQuery, unit: { name: string; agencyName: string }, t: TFunction): ExportTable[] {
  const { current } = data;
  const ikm = current.ikm.kind === "computed" ? current.ikm : null;
  const summary: ExportTable = {
    sheet: t("skmReport.export.sheets.summary"),
    title: t("skmReport.export.summaryTitle"),
    columns: [t("skmReport.export.item"), t("skmReport.export.value")],
    rows: [
      [t("skmReport.export.unit"), unit.name],
      [t("skmReport.export.agency"), unit.agencyName],
      [t("skmReport.export.periodFrom"), data.period.from],
      [t("skmReport.export.periodTo"), data.period.to],
      [t("skmReport.export.ikmIndex"), number(ikm?.ikm, 3)],
      [t("skmReport.export.ikm"), number(ikm?.ikmUnitRounded, 2)],
      [t("skmReport.export.mutu"), ikm?.mutu ?? null],
      [t("skmReport.export.kinerja"), ikm ? t(`indicators.kinerja.${ikm.kinerja}`) : null],
      [t("skmReport.export.lowest"), ikm ? `${ikm.lowest} ${t(`ratings.elements.${ikm.lowest}.name`)}` : null],
      [t("skmReport.export.respondents"), number(current.counts.fullSurveys)],
      [t("skmReport.export.population"), number(data.sample.population)],
      [t("skmReport.export.requiredSample"), number(data.sample.required)],
      [t("skmReport.export.shortfall"), number(data.sample.shortfall)],
      [t("skmReport.export.verifiedShare"), number(current.counts.verifiedShare === null ? null : current.counts.verifiedShare * 100, 1)],
      [t("skmReport.export.flagged"), number(current.counts.flagged)],
      [t("skmReport.export.excluded"), number(current.counts.excluded)],
      [t("skmReport.export.verifiedOnly"), t(query.verifiedOnly ? "skmReport.export.yes" : "skmReport.export.no")],
    ],
  };
  const elements: ExportTable = {
    sheet: t("skmReport.export.sheets.elements"),
    title: t("indicators.perElement"),
    columns: [t("skmReport.export.code"), t("skmReport.export.element"), "n", "NRR"],
    rows: ELEMENT_CODES.map((code) => [code, t(`ratings.elements.${code}.name`), number(current.tallies[code].count), number(ikm?.nrr[code], 2)]),
  };
  const byId = new Map(data.officers.officers.map((officer) => [String(officer.officerId), officer.name]));
  const officers: ExportTable = {
    sheet: t("skmReport.export.sheets.officers"),
    title: t("indicators.officers"),
    columns: [t("indicators.rank"), t("indicators.officer"), t("indicators.score"), t("indicators.rawMean"), t("skmReport.export.intervalLower"), t("skmReport.export.intervalUpper"), "n"],
    rows: [
      ...data.officers.ranking.ranked.map((scored): Cell[] => [
        number(scored.rank),
        byId.get(scored.officerId) ?? "",
        number(scored.shrunk, 2),
        number(scored.rawMean, 2),
        number(scored.interval.lower, 2),
        number(scored.interval.upper, 2),
        number(scored.n),
      ]),
      ...data.officers.ranking.unranked.map((insufficient): Cell[] => [t("indicators.notEnough"), byId.get(insufficient.officerId) ?? "", null, null, null, null, number(insufficient.n)]),
    ],
  };
  const trend: ExportTable = {
    sheet: t("skmReport.export.sheets.trend"),
    title: t("indicators.trend"),
    columns: [t("skmReport.export.month"), t("skmReport.export.ikm"), t("skmReport.export.ratingsInMonth")],
    rows: data.trend.map((point) => [point.month, number(point.ikmUnit === null ? null : Math.round(point.ikmUnit * 100) / 100, 2), number(point.respondents)]),
  };
  return [summary, elements, officers, trend];
}

function cellText(cell: Cell, locale: Locale): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  return new Intl.NumberFormat(INTL_TAG[locale], { minimumFractionDigits: cell.decimals, maximumFractionDigits: cell.decimals, useGrouping: false }).format(cell.value);
}

function csvField(text: string): string {
  // A text starting like a formula is shown as text by spreadsheets, never evaluated.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One section after another (a heading row, the column names, the rows, an empty line); CRLF; BOM first. */
export function tablesToCsv(tables: readonly ExportTable[], locale: Locale): string {
  const lines: string[] = [];
  for (const table of tables) {
    if (lines.length > 0) lines.push("");
    lines.push(csvField(table.title));
    lines.push(table.columns.map(csvField).join(";"));
    for (const row of table.rows) lines.push(row.map((cell) => csvField(cellText(cell, locale))).join(";"));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** One sheet per table: the title in the first row, bold column names in the second, numbers as numbers. */
export async function tablesToXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Suara";
  const used = new Set<string>();
  for (const table of tables) {
    let name = table.sheet.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Sheet";
    for (let suffix = 2; used.has(name); suffix++) name = `${name.slice(0, 28)} ${suffix}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([table.title]).font = { bold: true, size: 12 };
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((cell) => (cell === null ? null : typeof cell === "string" ? cell : cell.value)));
      row.forEach((cell, index) => {
        if (cell !== null && typeof cell !== "string") added.getCell(index + 1).numFmt = cell.decimals > 0 ? `0.${"0".repeat(cell.decimals)}` : "0";
      });
    }
    table.columns.forEach((column, index) => {
      const widest = Math.max(column.length, ...table.rows.map((row) => cellText(row[index] ?? null, "en").length));
      sheet.getColumn(index + 1).width = Math.min(60, Math.max(8, widest + 2));
    });
    sheet.views = [{ state: "frozen", ySplit: 2 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "ikm-<unit>-<from>-<to>" for the downloaded file's name. */
export function exportFileName(unitId: number, period: { from: string; to: string }, extension: "csv" | "xlsx"): string {
  return `ikm-${unitId}-${period.from}-${period.to}.${extension}`;
}
