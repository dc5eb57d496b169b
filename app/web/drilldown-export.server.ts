import type { CommentPage, DrilldownScope, DrilldownSubject } from "~/data/drilldown.server";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { localeOf } from "~/i18n/locale.server";
import { createTranslator, type TFunction } from "~/i18n/react";
import { RESOURCES } from "~/i18n/resources.server";
import { drilldownCommentsForExport, type DrilldownUnit } from "./drilldown-page.server";
import type { DrilldownQuery } from "./drilldown-query";
import { tablesToCsv, type Cell, type ExportTable } from "./indicator-export.server";

/** "2026-11-23 09:15" in the unit's time zone: sortable, and read as a date by spreadsheets. */
function localDateTime(value: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(value);
}

/** The comment table as the page shows it, every page at once, with each answer in its own column. */
export function commentExportTable(
  comments: CommentPage,
  subject: DrilldownSubject,
  query: DrilldownQuery,
  timeZone: string,
  t: TFunction,
): ExportTable {
  const number = (value: number | null, decimals = 0): Cell => (value === null ? null : { value, decimals });
  return {
    sheet: t("drilldown.csv.sheet"),
    title: t("drilldown.csv.title", { name: subject.name, from: query.period.from, to: query.period.to }),
    columns: [
      t("drilldown.comments.when"),
      t("drilldown.comments.channel"),
      t("drilldown.comments.service"),
      t("drilldown.comments.counter"),
      t("drilldown.comments.officer"),
      t("drilldown.csv.kind"),
      t("drilldown.csv.quickScore"),
      ...ELEMENT_CODES,
      t("drilldown.comments.comment"),
      t("drilldown.comments.status"),
      t("drilldown.csv.verified"),
    ],
    rows: comments.rows.map((row): Cell[] => [
      localDateTime(row.submittedAt, timeZone),
      t(`drilldown.comments.channels.${row.channel}`),
      row.serviceName,
      row.counterName,
      row.officerName ?? "",
      t(row.kind === "quick" ? "drilldown.comments.quick" : "drilldown.comments.full"),
      number(row.quickScore),
      ...ELEMENT_CODES.map((code) => number(row.answers[code])),
      row.comment,
      t(`drilldown.comments.statuses.${row.status}`),
      t(row.verified ? "drilldown.csv.yes" : "drilldown.csv.no"),
    ]),
  };
}

/** The CSV download of a drill-down's comments (same filters as the page, all pages). */
export async function drilldownCommentsCsv(
  request: Request,
  unit: DrilldownUnit,
  scope: DrilldownScope,
): Promise<Response> {
  const { subject, query, comments } = await drilldownCommentsForExport(unit, scope, request);
  const locale = await localeOf(request);
  const t = createTranslator(locale, RESOURCES[locale]);
  const csv = tablesToCsv([commentExportTable(comments, subject, query, unit.timeZone, t)], locale);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="komentar-${scope.kind}-${subject.id}-${query.period.from}-${query.period.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
