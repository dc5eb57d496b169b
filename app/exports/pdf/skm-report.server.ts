import PDFDocument from "pdfkit";
import { ELEMENT_CODES, type ElementCode } from "~/domain/indicators/elements";
import { classifyConvertedValue, convertedValueHundredths } from "~/domain/indicators/ikm";
import type { Locale } from "~/i18n/config";
import { doneCount, inReadingOrder, isRecommendationLate } from "~/domain/skm-recommendations";
import { formatDate, formatDay, formatNumber, formatPercent } from "~/i18n/format";
import type { SkmReportData } from "~/pages/skm-report.server";

type Translate = (key: string, options?: Record<string, unknown>) => string;

interface Column {
  label: string;
  width: number;
  align?: "left" | "right" | "center";
}

const INK = "#111111";
const MUTED = "#555555";
const RULE = "#9a9a9a";
const HEADER_FILL = "#e8edf3";
const BAR = "#2f5d8a";
const BAR_LOWEST = "#c0502a";
/** NRR at the lower bound of quality A: 88.31 / 25. */
const NRR_BOUND_A = 3.5324;

/**
 * The unit's SKM report (laporan SKM, PermenPANRB 14/2017; DOMAIN.md §1.5): title page; 1 introduction;
 * 2 method; 3 results with the NRR table, a bar chart drawn with rectangles and the respondent profile;
 * 4 analysis, lowest elements first, with the supervisor's recommendations; 5 follow-up of the previous
 * period's recommendations; 6 closing. Page numbers in the footer.
 */
export function renderSkmReportPdf(report: SkmReportData, t: Translate, locale: Locale): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 60, left: 60, right: 60 },
    bufferPages: true,
    info: { Title: `${t("skmReport.title")} ${report.unit.name}`, Author: report.unit.agencyName, Subject: t("skmReport.pdf.periodLine", periodWords(report.period, locale)) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom;
  const num = (value: number, digits = 2) => formatNumber(locale, value, digits);
  const period = periodWords(report.period, locale);
  const previous = periodWords(report.previous, locale);
  const unitName = report.unit.name;
  const { current } = report;
  const ikm = current.ikm.kind === "computed" ? current.ikm : null;
  const elementName = (code: ElementCode) => t(`ratings.elements.${code}.name`);

  const ensureSpace = (height: number) => {
    if (doc.y + height > bottomLimit()) doc.addPage();
  };
  const heading = (text: string, level: 1 | 2 = 1) => {
    ensureSpace(level === 1 ? 90 : 55); // never a heading alone at the foot of a page
    doc.moveDown(level === 1 ? 0.9 : 0.6);
    doc.font("Helvetica-Bold").fontSize(level === 1 ? 13 : 11).fillColor(INK).text(text, left, doc.y, { width });
    doc.moveDown(0.3).font("Helvetica").fontSize(10);
  };
  const paragraph = (text: string, options: { indent?: number; color?: string; italic?: boolean } = {}) => {
    const indent = options.indent ?? 0;
    doc
      .font(options.italic ? "Helvetica-Oblique" : "Helvetica")
      .fontSize(10)
      .fillColor(options.color ?? INK)
      .text(text, left + indent, doc.y, { width: width - indent, align: "justify", lineGap: 1.5 });
    doc.fillColor(INK).moveDown(0.4);
  };
  const numbered = (items: string[]) => {
    items.forEach((item, index) => {
      const y = doc.y;
      doc.font("Helvetica").fontSize(10).text(`${index + 1}.`, left, y, { width: 18 });
      doc.text(item, left + 18, y, { width: width - 18, lineGap: 1.5 });
      doc.moveDown(0.2);
    });
    doc.moveDown(0.2);
  };
  /** Free text typed by the supervisor: kept line by line, in a light frame. */
  const typedText = (text: string, empty: string) => {
    const body = text.trim();
    if (!body) return paragraph(empty, { color: MUTED, italic: true });
    const height = doc.font("Helvetica").fontSize(10).heightOfString(body, { width: width - 20, lineGap: 1.5 });
    if (doc.y + height + 14 > bottomLimit()) {
      // Longer than the rest of the page: no frame, the text flows on after its heading.
      doc.text(body, left + 10, doc.y, { width: width - 20, lineGap: 1.5 });
    } else {
      const top = doc.y;
      doc.text(body, left + 10, top + 6, { width: width - 20, lineGap: 1.5 });
      doc.rect(left, top, width, doc.y - top + 6).lineWidth(0.5).strokeColor(RULE).stroke();
    }
    doc.y += 10;
    doc.x = left;
  };
  const table = (columns: Column[], rows: string[][], options: { x?: number; boldLastRow?: boolean; keepTogether?: boolean } = {}) => {
    const x0 = options.x ?? left;
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const drawRow = (cells: string[], kind: "header" | "body" | "total") => {
      doc.font(kind === "body" ? "Helvetica" : "Helvetica-Bold").fontSize(9);
      const height = Math.max(...cells.map((cell, index) => doc.heightOfString(cell || " ", { width: (columns[index]?.width ?? 40) - 8 }))) + 7;
      if (doc.y + height > bottomLimit()) {
        doc.addPage();
        if (kind !== "header") drawRow(columns.map((column) => column.label), "header");
        doc.font(kind === "body" ? "Helvetica" : "Helvetica-Bold").fontSize(9);
      }
      const y = doc.y;
      if (kind === "header") doc.rect(x0, y, total, height).fillColor(HEADER_FILL).fill();
      let x = x0;
      cells.forEach((cell, index) => {
        const column = columns[index]!;
        doc.fillColor(INK).text(cell, x + 4, y + 4, { width: column.width - 8, align: column.align ?? "left" });
        x += column.width;
      });
      doc
        .moveTo(x0, y + height)
        .lineTo(x0 + total, y + height)
        .lineWidth(kind === "header" ? 0.8 : 0.4)
        .strokeColor(RULE)
        .stroke();
      doc.y = y + height;
    };
    if (options.keepTogether) ensureSpace((rows.length + 1) * 17);
    doc.moveTo(x0, doc.y).lineTo(x0 + total, doc.y).lineWidth(0.8).strokeColor(RULE).stroke();
    drawRow(columns.map((column) => column.label), "header");
    rows.forEach((row, index) => drawRow(row, options.boldLastRow && index === rows.length - 1 ? "total" : "body"));
    doc.x = left;
    doc.moveDown(0.6);
  };
  const facts = (pairs: [string, string][]) => {
    for (const [label, value] of pairs) {
      const y = doc.y;
      doc.font("Helvetica").fontSize(10).fillColor(INK).text(label, left, y, { width: 200 });
      doc.font("Helvetica-Bold").text(value, left + 210, y, { width: width - 210 });
      doc.moveDown(0.25);
    }
    doc.font("Helvetica").x = left;
    doc.moveDown(0.3);
  };

  // Title page -------------------------------------------------------------------------------------------
  doc.y = 150;
  doc.font("Helvetica-Bold").fontSize(18).fillColor(INK).text(t("skmReport.pdf.documentTitle"), left, doc.y, { width, align: "center" });
  doc.moveDown(2);
  doc.fontSize(16).text(unitName, { width, align: "center" });
  doc.moveDown(0.4);
  doc.font("Helvetica").fontSize(13).text(report.unit.agencyName, { width, align: "center" });
  doc.moveDown(1.5);
  doc.fontSize(12).text(t("skmReport.pdf.periodLine", period), { width, align: "center" });
  doc.moveDown(3);
  if (ikm) {
    const boxTop = doc.y;
    const boxWidth = 260;
    const boxLeft = left + (width - boxWidth) / 2;
    doc.rect(boxLeft, boxTop, boxWidth, 92).lineWidth(1).strokeColor(BAR).stroke();
    doc.font("Helvetica").fontSize(10).fillColor(MUTED).text(t("skmReport.pdf.ikmLine"), boxLeft, boxTop + 12, { width: boxWidth, align: "center" });
    doc.font("Helvetica-Bold").fontSize(28).fillColor(INK).text(num(ikm.ikmUnitRounded), boxLeft, boxTop + 28, { width: boxWidth, align: "center" });
    doc.font("Helvetica").fontSize(11).text(`${t("skmReport.pdf.mutuLine")} ${ikm.mutu} (${t(`indicators.kinerja.${ikm.kinerja}`)})`, boxLeft, boxTop + 64, { width: boxWidth, align: "center" });
    doc.y = boxTop + 110;
  }
  doc.font("Helvetica").fontSize(10).fillColor(MUTED);
  doc.y = doc.page.height - 170;
  doc.text(t("skmReport.pdf.basisLine"), left, doc.y, { width, align: "center" });
  doc.text(t("skmReport.pdf.preparedOn", { date: formatDate(locale, report.generatedAt, report.unit.timeZone) }), { width, align: "center" });
  doc.fillColor(INK);

  // 1 Introduction ---------------------------------------------------------------------------------------
  doc.addPage();
  heading(t("skmReport.pdf.s1"));
  heading(t("skmReport.pdf.s1_1"), 2);
  paragraph(t("skmReport.pdf.background", { unit: unitName }));
  heading(t("skmReport.pdf.s1_2"), 2);
  numbered([t("skmReport.pdf.legal1"), t("skmReport.pdf.legal2"), t("skmReport.pdf.legal3")]);
  heading(t("skmReport.pdf.s1_3"), 2);
  paragraph(t("skmReport.pdf.aims"));

  // 2 Method ---------------------------------------------------------------------------------------------
  heading(t("skmReport.pdf.s2"));
  heading(t("skmReport.pdf.s2_1"), 2);
  paragraph(t("skmReport.pdf.scope", { unit: unitName, ...period }));
  if (report.query.verifiedOnly) paragraph(t("skmReport.pdf.verifiedOnlyNote"));
  heading(t("skmReport.pdf.s2_2"), 2);
  paragraph(t("skmReport.pdf.elementsIntro"));
  table(
    [
      { label: t("skmReport.pdf.code"), width: 50 },
      { label: t("skmReport.pdf.element"), width: width - 50 },
    ],
    ELEMENT_CODES.map((code) => [code, elementName(code)]),
    { keepTogether: true },
  );
  ensureSpace(210); // the steps and the category table on one page
  heading(t("skmReport.pdf.s2_3"), 2);
  numbered([t("skmReport.pdf.processing1"), t("skmReport.pdf.processing2"), t("skmReport.pdf.processing3"), t("skmReport.pdf.processing4")]);
  table(
    [
      { label: t("skmReport.pdf.categoryValue"), width: 160 },
      { label: t("skmReport.pdf.categoryMutu"), width: 80, align: "center" },
      { label: t("skmReport.pdf.categoryKinerja"), width: 160 },
    ],
    [
      [`${num(88.31)} – ${num(100)}`, "A", t("indicators.kinerja.sangat_baik")],
      [`${num(76.61)} – ${num(88.3)}`, "B", t("indicators.kinerja.baik")],
      [`${num(65)} – ${num(76.6)}`, "C", t("indicators.kinerja.kurang_baik")],
      [`${num(25)} – ${num(64.99)}`, "D", t("indicators.kinerja.tidak_baik")],
    ],
    { x: left + 18, keepTogether: true },
  );
  heading(t("skmReport.pdf.s2_4"), 2);
  const sample = report.sample;
  paragraph(
    [
      sample.population === null
        ? t("skmReport.pdf.sampleUnknown", { required: formatNumber(locale, sample.required) })
        : t("skmReport.pdf.sampleKnown", { population: formatNumber(locale, sample.population), required: formatNumber(locale, sample.required) }),
      t("skmReport.pdf.sampleObtained", { obtained: formatNumber(locale, current.counts.fullSurveys) }),
      sample.sufficient ? t("skmReport.pdf.sampleOk") : t("skmReport.pdf.sampleShort", { shortfall: formatNumber(locale, sample.shortfall) }),
    ].join(" "),
  );

  // 3 Results --------------------------------------------------------------------------------------------
  ensureSpace(300); // the heading with the whole NRR table
  heading(t("skmReport.pdf.s3"));
  heading(t("skmReport.pdf.s3_1"), 2);
  if (!ikm) {
    paragraph(t("skmReport.pdf.noData"), { color: MUTED, italic: true });
  } else {
    table(
      [
        { label: t("skmReport.pdf.code"), width: 42 },
        { label: t("skmReport.pdf.element"), width: width - 42 - 80 - 70 - 90 },
        { label: t("skmReport.pdf.answers"), width: 80, align: "right" },
        { label: t("skmReport.pdf.nrr"), width: 70, align: "right" },
        { label: t("skmReport.pdf.weightedNrr"), width: 90, align: "right" },
      ],
      ELEMENT_CODES.map((code) => {
        const nrr = ikm.nrr[code];
        return [code, elementName(code), formatNumber(locale, current.tallies[code].count), nrr === null ? "–" : num(nrr, 3), nrr === null ? "–" : num(nrr / 9, 3)];
      }),
      { keepTogether: true },
    );
    facts([
      [t("skmReport.pdf.ikmIndexLine"), num(ikm.ikm, 3)],
      [t("skmReport.pdf.ikmLine"), num(ikm.ikmUnitRounded)],
      [t("skmReport.pdf.mutuLine"), ikm.mutu],
      [t("skmReport.pdf.kinerjaLine"), t(`indicators.kinerja.${ikm.kinerja}`)],
    ]);
    if (ikm.weightsRenormalised) paragraph(t("skmReport.pdf.renormalised"), { color: MUTED });

    ensureSpace(270); // the heading with the chart
    heading(t("skmReport.pdf.s3_2"), 2);
    const chartTop = doc.y;
    drawBarChart(doc, { x: left, y: chartTop, width, height: 190 }, ELEMENT_CODES.map((code) => ({ label: code, value: ikm.nrr[code], lowest: code === ikm.lowest })), num);
    doc.y = chartTop + 200;
    doc.x = left;
    paragraph(t("skmReport.pdf.chartCaption"), { color: MUTED });
  }

  heading(t("skmReport.pdf.s3_3"), 2);
  paragraph(t("skmReport.pdf.profileIntro", { count: formatNumber(locale, current.counts.fullSurveys) }));
  const profileLabels: Record<string, { title: string; options: string }> = {
    sex: { title: "ratings.profile.sex", options: "ratings.profile.sexes" },
    ageBand: { title: "ratings.profile.ageBand", options: "ratings.profile.ageBands" },
    education: { title: "ratings.profile.education", options: "ratings.profile.educations" },
    occupation: { title: "ratings.profile.occupation", options: "ratings.profile.occupations" },
  };
  const half = (width - 20) / 2;
  for (let pair = 0; pair < report.profile.length; pair += 2) {
    const tables = report.profile.slice(pair, pair + 2);
    const tallest = Math.max(...tables.map((entry) => entry.rows.length + 2));
    ensureSpace(tallest * 17 + 30);
    const top = doc.y;
    let lowest = top;
    tables.forEach((entry, index) => {
      const labels = profileLabels[entry.dimension]!;
      const x = left + index * (half + 20);
      doc.y = top;
      doc.font("Helvetica-Bold").fontSize(10).fillColor(INK).text(t(labels.title), x, top, { width: half });
      doc.moveDown(0.2);
      const rows = entry.rows.map((row) => [
        row.value === null ? t("skmReport.pdf.blank") : t(`${labels.options}.${row.value}`),
        formatNumber(locale, row.count),
        entry.total > 0 ? formatPercent(locale, row.count / entry.total, 1) : "–",
      ]);
      rows.push([t("skmReport.pdf.total"), formatNumber(locale, entry.total), entry.total > 0 ? formatPercent(locale, 1, 1) : "–"]);
      table(
        [
          { label: t("skmReport.pdf.category"), width: half - 110 },
          { label: t("skmReport.pdf.count"), width: 50, align: "right" },
          { label: t("skmReport.pdf.share"), width: 60, align: "right" },
        ],
        rows,
        { x, boldLastRow: true },
      );
      lowest = Math.max(lowest, doc.y);
    });
    doc.y = lowest;
    doc.x = left;
  }

  heading(t("skmReport.pdf.s3_4"), 2);
  paragraph(
    report.previousIkm === null || !ikm
      ? t("skmReport.pdf.noPrevious", previous)
      : t("skmReport.pdf.comparisonLine", {
          ...previous,
          previous: num(Math.round(report.previousIkm * 100) / 100),
          difference: `${report.comparison && report.comparison.kind === "compared" && report.comparison.difference > 0 ? "+" : ""}${num(report.comparison?.kind === "compared" ? report.comparison.difference : ikm.ikmUnit - report.previousIkm)}`,
        }),
  );
  paragraph(
    [
      t("skmReport.pdf.complaintsLine", { count: formatNumber(locale, report.complaints.complaints) }),
      report.complaints.shareFollowedUpWithinLimit === null ? null : t("skmReport.pdf.complaintsFollowUp", { share: formatPercent(locale, report.complaints.shareFollowedUpWithinLimit) }),
    ]
      .filter(Boolean)
      .join(" "),
  );

  // 4 Analysis -------------------------------------------------------------------------------------------
  heading(t("skmReport.pdf.s4"));
  if (ikm) {
    paragraph(t("skmReport.pdf.analysisIntro"));
    const ordered = ELEMENT_CODES.filter((code) => ikm.nrrExact[code] !== null).sort((a, b) => ikm.nrr[a]! - ikm.nrr[b]! || ELEMENT_CODES.indexOf(a) - ELEMENT_CODES.indexOf(b));
    table(
      [
        { label: t("skmReport.pdf.rank"), width: 50, align: "right" },
        { label: t("skmReport.pdf.code"), width: 42 },
        { label: t("skmReport.pdf.element"), width: width - 50 - 42 - 70 - 110 },
        { label: t("skmReport.pdf.nrr"), width: 70, align: "right" },
        { label: t("skmReport.pdf.elementMutu"), width: 110 },
      ],
      ordered.map((code, index) => {
        const band = classifyConvertedValue(convertedValueHundredths(ikm.nrrExact[code]!));
        return [String(index + 1), code, elementName(code), num(ikm.nrr[code]!, 3), `${band.mutu} (${t(`indicators.kinerja.${band.kinerja}`)})`];
      }),
      { keepTogether: true },
    );
    paragraph(t("skmReport.pdf.lowestLine", { code: ikm.lowest, name: elementName(ikm.lowest), nrr: num(ikm.nrr[ikm.lowest]!, 3) }));
  } else {
    paragraph(t("skmReport.pdf.noData"), { color: MUTED, italic: true });
  }
  /** The recommendations as records: element, action, who, due date and status (with the latest note). */
  const recommendationTable = (rows: SkmReportData["recommendations"], withLatest: boolean) => {
    const statusOf = (row: SkmReportData["recommendations"][number]) => {
      const status = t(`skmReport.recommendation.status.${row.status}`);
      const late = isRecommendationLate(row, report.today) ? ` (${t("skmReport.recommendation.late")})` : "";
      const latest = withLatest ? row.updates.at(-1) : undefined;
      return latest ? `${status}${late}\n${formatDay(locale, latest.notedOn)}: ${latest.note}${latest.evidence ? ` (${t("skmReport.recommendation.evidence")}: ${latest.evidence})` : ""}` : `${status}${late}`;
    };
    // The element by its code only (its name is in the table above), so the action keeps a readable width.
    const statusWidth = withLatest ? 140 : 80;
    table(
      [
        { label: "No", width: 22, align: "right" },
        { label: t("skmReport.pdf.code"), width: 34 },
        { label: t("skmReport.recommendation.action"), width: width - 22 - 34 - 80 - 64 - statusWidth },
        { label: t("skmReport.recommendation.responsible"), width: 80 },
        { label: t("skmReport.recommendation.due"), width: 64 },
        { label: t("skmReport.pdf.status"), width: statusWidth },
      ],
      rows.map((row, index) => [
        String(index + 1),
        row.element,
        row.service ? `${row.action} (${row.service.name})` : row.action,
        row.responsible,
        formatDay(locale, row.dueOn),
        statusOf(row),
      ]),
    );
  };
  heading(t("skmReport.pdf.recommendationsHeading"), 2);
  const orderedNow = inReadingOrder(report.recommendations, ikm?.lowest ?? null);
  if (orderedNow.length > 0) recommendationTable(orderedNow, false);
  if (orderedNow.length === 0 || report.texts.recommendations.trim() !== "") typedText(report.texts.recommendations, t("skmReport.pdf.noRecommendations"));

  // 5 Follow-up of the previous period -------------------------------------------------------------------
  heading(t("skmReport.pdf.s5"));
  heading(t("skmReport.pdf.previousHeading", previous), 2);
  if (report.previousRecommendations.length > 0) {
    paragraph(
      t("skmReport.pdf.previousDone", {
        done: formatNumber(locale, doneCount(report.previousRecommendations)),
        total: formatNumber(locale, report.previousRecommendations.length),
      }),
    );
    recommendationTable(report.previousRecommendations, true);
  }
  if (report.previousRecommendations.length === 0 || report.previousTexts.recommendations.trim() !== "") typedText(report.previousTexts.recommendations, t("skmReport.pdf.previousNone"));
  if (report.previousRecommendations.length === 0 || report.texts.previousFollowUp.trim() !== "") {
    heading(t("skmReport.pdf.followUpHeading"), 2);
    typedText(report.texts.previousFollowUp, t("skmReport.pdf.followUpNone"));
  }

  // 6 Closing --------------------------------------------------------------------------------------------
  heading(t("skmReport.pdf.s6"));
  paragraph(t("skmReport.pdf.closing", { unit: unitName, ...period }));
  ensureSpace(130);
  doc.moveDown(1.5);
  const signLeft = left + width - 230;
  const signTop = doc.y;
  doc.font("Helvetica").fontSize(10).text(t("skmReport.pdf.signPlace", { agency: report.unit.agencyName, date: formatDate(locale, report.generatedAt, report.unit.timeZone) }), signLeft, signTop, { width: 230, align: "center" });
  doc.text(t("skmReport.pdf.signRole", { unit: unitName }), signLeft, doc.y, { width: 230, align: "center" });
  const lineY = doc.y + 60;
  doc.moveTo(signLeft + 20, lineY).lineTo(signLeft + 210, lineY).lineWidth(0.6).strokeColor(INK).stroke();
  doc.fillColor(MUTED).fontSize(9).text(t("skmReport.pdf.signName"), signLeft, lineY + 4, { width: 230, align: "center" });

  // Footers on every page after the title page.
  const range = doc.bufferedPageRange();
  for (let index = range.start + 1; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const footerY = doc.page.height - 40;
    doc.moveTo(left, footerY - 6).lineTo(left + width, footerY - 6).lineWidth(0.4).strokeColor(RULE).stroke();
    doc.font("Helvetica").fontSize(8).fillColor(MUTED);
    doc.text(`${unitName} · ${t("skmReport.pdf.periodLine", period)}`, left, footerY, { width: width - 100, lineBreak: false });
    doc.text(t("skmReport.pdf.page", { page: index - range.start + 1, pages: range.count }), left + width - 100, footerY, { width: 100, align: "right", lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return done;
}

function periodWords(period: { from: string; to: string }, locale: Locale): { from: string; to: string } {
  return { from: formatDate(locale, `${period.from}T00:00:00Z`, "UTC"), to: formatDate(locale, `${period.to}T00:00:00Z`, "UTC") };
}

/** Vertical bars on a 0–4 scale with grid lines, the A bound dashed, the value above each bar, the lowest in another colour. */
function drawBarChart(
  doc: PDFKit.PDFDocument,
  box: { x: number; y: number; width: number; height: number },
  bars: { label: string; value: number | null; lowest: boolean }[],
  format: (value: number) => string,
): void {
  const axisWidth = 28;
  const labelHeight = 16;
  const plot = { x: box.x + axisWidth, y: box.y + 10, width: box.width - axisWidth, height: box.height - labelHeight - 10 };
  const yOf = (value: number) => plot.y + plot.height - (value / 4) * plot.height;
  doc.font("Helvetica").fontSize(8);
  for (let tick = 0; tick <= 4; tick++) {
    const y = yOf(tick);
    doc.moveTo(plot.x, y).lineTo(plot.x + plot.width, y).lineWidth(tick === 0 ? 0.8 : 0.3).strokeColor(tick === 0 ? INK : "#cccccc").stroke();
    doc.fillColor(MUTED).text(String(tick), box.x, y - 4, { width: axisWidth - 6, align: "right", lineBreak: false });
  }
  const slot = plot.width / bars.length;
  const barWidth = Math.min(34, slot * 0.6);
  bars.forEach((bar, index) => {
    const centre = plot.x + slot * index + slot / 2;
    if (bar.value !== null) {
      const top = yOf(bar.value);
      doc.rect(centre - barWidth / 2, top, barWidth, yOf(0) - top).fillColor(bar.lowest ? BAR_LOWEST : BAR).fill();
      doc.fillColor(INK).fontSize(8).text(format(bar.value), centre - slot / 2, top - 11, { width: slot, align: "center", lineBreak: false });
    }
    doc.fillColor(INK).fontSize(9).text(bar.label, centre - slot / 2, yOf(0) + 4, { width: slot, align: "center", lineBreak: false });
  });
  doc.save();
  doc.moveTo(plot.x, yOf(NRR_BOUND_A)).lineTo(plot.x + plot.width, yOf(NRR_BOUND_A)).dash(3, { space: 3 }).lineWidth(0.8).strokeColor(BAR_LOWEST).stroke();
  doc.undash();
  doc.restore();
  doc.fillColor(INK);
}
