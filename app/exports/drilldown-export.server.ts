import type { CommentPage, DrilldownScope, DrilldownSubject } from "~/data/drilldown.server";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { localeOf } from "~/i18n/locale.server";
import { createTranslator } from "~/i18n/i18n";
import type { TFunction } from "~/i18n/react";
import { RESOURCES } from "~/i18n/resources.server";
import { drilldownCommentsForExport, drilldownPage, type DrilldownPageData, type DrilldownUnit } from "~/pages/drilldown-page.server";
import type { DrilldownQuery } from "~/http/drilldown-query";
import { tablesToCsv, tablesToXlsx, type Cell, type ExportTable } from "./indicator-export.server";

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
  const { subject, query, comments } = await drilldownCommentsForExport(unit, scope, new URL(request.url).searchParams);
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

/** Every table of a drill-down page: summary, per element, 12-month trend, all comments, complaints. */
export function drilldownExportTables(page: DrilldownPageData, allComments: CommentPage, t: TFunction): ExportTable[] {
  const number = (value: number | null | undefined, decimals = 0): Cell => (value === null || value === undefined ? null : { value, decimals });
  const { ikm, counts, subject, query, unit } = page;
  const score = page.officer?.score;
  const summary: ExportTable = {
    sheet: t("skmReport.export.sheets.summary"),
    title: `${subject.name} · ${unit.name}`,
    columns: [t("skmReport.export.item"), t("skmReport.export.value")],
    rows: [
      [t(`drilldown.kinds.${subject.kind}`), subject.name],
      [t("skmReport.export.unit"), subject.unitName],
      [t("skmReport.export.agency"), unit.agencyName],
      [t("skmReport.export.periodFrom"), query.period.from],
      [t("skmReport.export.periodTo"), query.period.to],
      ...(page.officer
        ? ([
            [t("drilldown.serviceScore"), score?.kind === "scored" ? number(score.shrunk, 2) : t("indicators.notEnough")],
            [t("skmReport.export.intervalLower"), score?.kind === "scored" ? number(score.interval.lower, 2) : null],
            [t("skmReport.export.intervalUpper"), score?.kind === "scored" ? number(score.interval.upper, 2) : null],
            [t("indicators.rawMean"), score?.kind === "scored" ? number(score.rawMean, 2) : null],
            ["n", number(score?.n)],
          ] satisfies Cell[][])
        : []),
      [t("skmReport.export.ikm"), number(ikm?.ikmUnitRounded, 2)],
      [t("skmReport.export.mutu"), ikm?.mutu ?? null],
      [t("skmReport.export.kinerja"), ikm ? t(`indicators.kinerja.${ikm.kinerja}`) : null],
      [t("skmReport.export.lowest"), ikm ? `${ikm.lowest} ${t(`ratings.elements.${ikm.lowest}.name`)}` : null],
      [t("skmReport.export.respondents"), number(counts.fullSurveys)],
      [t("drilldown.csv.quickRatings"), number(counts.quick)],
      [t("skmReport.export.verifiedShare"), number(counts.verifiedShare === null ? null : counts.verifiedShare * 100, 1)],
      [t("skmReport.export.flagged"), number(counts.flagged)],
      [t("skmReport.export.excluded"), number(counts.excluded)],
      [t("skmReport.export.verifiedOnly"), t(query.verifiedOnly ? "skmReport.export.yes" : "skmReport.export.no")],
    ],
  };
  const elements: ExportTable = {
    sheet: t("skmReport.export.sheets.elements"),
    title: t("indicators.perElement"),
    columns: [t("skmReport.export.code"), t("skmReport.export.element"), "n", "NRR"],
    rows: ELEMENT_CODES.map((code) => [code, t(`ratings.elements.${code}.name`), number(page.tallies[code].count), number(ikm?.nrr[code], 2)]),
  };
  const trend: ExportTable = {
    sheet: t("skmReport.export.sheets.trend"),
    title: t("indicators.trend"),
    columns: [t("skmReport.export.month"), t("skmReport.export.ikm"), t("skmReport.export.ratingsInMonth")],
    rows: page.trend.map((point) => [point.month, number(point.ikmUnit === null ? null : Math.round(point.ikmUnit * 100) / 100, 2), number(point.respondents)]),
  };
  const complaints: ExportTable = {
    sheet: t("drilldown.complaints.sheet"),
    title: t("drilldown.complaints.title"),
    columns: [
      t("drilldown.complaints.code"),
      t("drilldown.csv.filed"),
      t("drilldown.complaints.status"),
      t("drilldown.csv.category"),
      t("drilldown.complaints.report"),
      t("drilldown.complaints.outcome"),
      t("drilldown.complaints.replies"),
    ],
    rows: page.complaints.complaints.map((complaint): Cell[] => [
      complaint.trackingCode,
      localDateTime(complaint.submittedAt, unit.timeZone),
      t(`complaints.status.${complaint.status}`),
      t(`complaints.form.categories.${complaint.category}`),
      complaint.body,
      complaint.upheld === null ? "" : t(complaint.upheld ? "drilldown.complaints.upheld" : "drilldown.complaints.notUpheld"),
      complaint.replies.map((reply) => `${localDateTime(reply.at, unit.timeZone)}: ${reply.text}`).join("\n"),
    ]),
  };
  return [summary, elements, trend, commentExportTable(allComments, subject, query, unit.timeZone, t), complaints];
}

/** The workbook of a drill-down page, one sheet per table, for the same filters. */
export async function drilldownWorkbook(request: Request, unit: DrilldownUnit, scope: DrilldownScope): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const [page, { comments }] = await Promise.all([drilldownPage(unit, scope, search, false), drilldownCommentsForExport(unit, scope, search)]);
  const locale = await localeOf(request);
  const workbook = await tablesToXlsx(drilldownExportTables(page, comments, createTranslator(locale, RESOURCES[locale])));
  return new Response(new Uint8Array(workbook), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="ikm-${scope.kind}-${page.subject.id}-${page.query.period.from}-${page.query.period.to}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
