import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { CareerRecord } from "~/data/skp/career.server";
import type { Locale } from "~/i18n/config";
import { formatDay, formatDayRange } from "~/i18n/format";

type Translate = (key: string, options?: Record<string, unknown>) => string;

// The officer's career record as a PDF for a promotion file: identity, every finalised assessment with its
// predikat, accepted training and commendations. DejaVu Sans carries every character a name may hold; dates are
// written as Indonesians write them ("5 Des 2026").
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const REGULAR = path.join(fontDir, "DejaVuSans.ttf");
const BOLD = path.join(fontDir, "DejaVuSans-Bold.ttf");

export function renderCareerRecordPdf(record: CareerRecord, t: Translate, locale: Locale, printedOn: string, periodName: (kind: string, start: string) => string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 56, right: 56 }, info: { Title: `${t("career.title")} · ${record.officer.name}` } });
  doc.registerFont("body", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  const heading = (text: string) => {
    doc.moveDown(0.8).font("bold").fontSize(12).text(text, left, undefined, { width });
    doc.moveDown(0.3).font("body").fontSize(9.5);
  };
  const fact = (label: string, value: string) => {
    const y = doc.y;
    doc.font("bold").fontSize(9.5).text(label, left, y, { width: 150 });
    const afterLabel = doc.y;
    doc.font("body").text(value, left + 160, y, { width: width - 160 });
    doc.y = Math.max(doc.y, afterLabel);
    doc.moveDown(0.15);
  };
  const row = (cells: string[], columns: number[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    const y = doc.y;
    let x = left;
    let bottom = y;
    cells.forEach((cell, index) => {
      doc.font(bold ? "bold" : "body").fontSize(9).text(cell, x, y, { width: columns[index]! - 6 });
      bottom = Math.max(bottom, doc.y);
      x += columns[index]!;
    });
    doc.y = bottom + 4;
    doc.moveTo(left, doc.y - 2).lineTo(left + width, doc.y - 2).strokeColor("#bbb").lineWidth(0.5).stroke();
  };

  doc.font("bold").fontSize(15).text(t("career.title"), { align: "center" });
  doc.font("body").fontSize(9).fillColor("#444").text(t("career.basis"), { align: "center" });
  doc.fillColor("#000").moveDown(1);
  fact(t("career.name"), record.officer.name);
  fact(t("career.nip"), record.officer.nip ?? "–");
  fact(t("career.position"), record.officer.position ?? "–");
  fact(t("career.rank"), record.officer.rank ?? "–");
  fact(t("career.unit"), `${record.officer.unitName} · ${record.officer.agencyName}`);

  heading(t("career.periods"));
  const periodColumns = [120, 95, 95, 90, width - 400];
  row([t("career.period"), t("career.hasilKerja"), t("career.perilaku"), t("career.predikat"), t("career.finalised")], periodColumns, true);
  if (record.periods.length === 0) doc.font("body").fontSize(9).text(t("career.noPeriods"), left);
  for (const period of record.periods)
    row(
      [
        `${periodName(period.periodKind, period.periodStart)}\n${formatDayRange(locale, period.periodStart, period.periodEnd)}`,
        t(`assessments.rating.${period.ratingHasilKerja}`),
        t(`assessments.rating.${period.ratingPerilaku}`),
        t(`assessments.predikat.${period.predikat}`),
        [
          formatDay(locale, period.finalisedAt, record.officer.timeZone),
          period.assessorName,
          period.version > 1 ? t("career.version", { version: period.version }) : "",
          period.objection === "none" ? "" : t(`career.objection.${period.objection}`),
        ]
          .filter(Boolean)
          .join("\n"),
      ],
      periodColumns,
    );

  heading(t("career.trainings"));
  if (record.trainings.length === 0) doc.font("body").fontSize(9).text(t("career.none"), left);
  for (const item of record.trainings)
    row([t(`assessments.training.topics.${item.topic}`), item.periodStart && item.periodKind ? periodName(item.periodKind, item.periodStart) : "–"], [width - 160, 160]);

  heading(t("career.commendations"));
  if (record.commendations.length === 0) doc.font("body").fontSize(9).text(t("career.none"), left);
  for (const item of record.commendations)
    row([item.note ?? "", item.periodStart && item.periodKind ? periodName(item.periodKind, item.periodStart) : formatDay(locale, item.createdAt, record.officer.timeZone)], [width - 160, 160]);

  doc.moveDown(1.5).font("body").fontSize(8).fillColor("#444").text(t("career.printed", { date: formatDay(locale, printedOn) }), left);
  doc.end();
  return done;
}
