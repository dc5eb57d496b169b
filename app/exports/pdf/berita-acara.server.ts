import PDFDocument from "pdfkit";
import type { BeritaAcaraSnapshot } from "~/domain/forum-record";
import { formatForumDay, formatShortDay, formatStartTime } from "~/domain/forum-day";
import type { Locale } from "~/i18n/config";
import { formatDateTime, formatNumber } from "~/i18n/format";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Input numbers to leave out (hidden or merged after publication). */
export interface PdfOptions {
  withdrawn: ReadonlySet<number>;
  actionStatus: ReadonlyMap<number, string>;
}

// The printable berita acara (Forum Konsultasi Publik, PermenPANRB 16/2017; DOMAIN.md §4): day, date, place;
// agenda; chair and note-taker; attendance by group; topics with inputs by priority; agreements; follow-up actions
// with the unit in charge and due date; signatures.
export function renderBeritaAcaraPdf(record: BeritaAcaraSnapshot, t: Translate, locale: Locale, options: PdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 60, right: 60 }, info: { Title: `${t("forums.pdf.heading")} ${record.forum.title}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;

  const heading = (text: string) => {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12).text(text, left, undefined, { width });
    doc.moveDown(0.3).font("Helvetica").fontSize(10);
  };
  const fact = (label: string, value: string) => {
    const y = doc.y;
    doc.font("Helvetica-Bold").fontSize(10).text(label, left, y, { width: 140 });
    const afterLabel = doc.y;
    doc.font("Helvetica").text(value, left + 150, y, { width: width - 150 });
    doc.y = Math.max(doc.y, afterLabel);
    doc.moveDown(0.2);
  };

  doc.font("Helvetica-Bold").fontSize(15).text(t("forums.pdf.heading"), { align: "center" });
  doc.fontSize(12).text(t("forums.pdf.subheading"), { align: "center" });
  doc.font("Helvetica").fontSize(11).text(record.forum.title, { align: "center" });
  doc.fontSize(9).fillColor("#444").text(`${record.forum.agencyName} · ${record.forum.unitName}`, { align: "center" });
  doc.text(t("forums.pdf.basis"), { align: "center" });
  doc.text(t("forums.pdf.versionLine", { version: record.version, date: formatDateTime(locale, record.publishedAt) }), { align: "center" });
  if (record.correctionReason) doc.text(t("forums.page.correction", { reason: record.correctionReason }), { align: "center" });
  doc.fillColor("#000").moveDown(1);

  fact(t("forums.page.when"), `${formatForumDay(locale, record.forum.heldOn)}${record.forum.startTime ? `, ${formatStartTime(locale, record.forum.startTime)}` : ""}`);
  fact(t("forums.page.place"), record.forum.place);
  fact(t("forums.page.agenda"), record.forum.agenda);
  if (record.forum.services.length > 0) fact(t("forums.page.services"), record.forum.services.join(", "));
  fact(t("forums.page.chair"), record.forum.chairName);
  fact(t("forums.page.noteTaker"), record.forum.noteTakerName);

  heading(t("forums.page.attendance"));
  const columns = [170, 60, width - 230];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = left;
    let bottom = y;
    cells.forEach((cell, index) => {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9.5).text(cell, x + 3, y + 3, { width: (columns[index] ?? 60) - 6, align: index === 1 ? "right" : "left" });
      bottom = Math.max(bottom, doc.y);
      x += columns[index] ?? 60;
    });
    doc.moveTo(left, bottom + 3).lineTo(left + width, bottom + 3).strokeColor("#999").lineWidth(0.5).stroke();
    doc.y = bottom + 4;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
  };
  row([t("forums.page.attendanceGroup"), t("forums.page.attendanceCount"), t("forums.page.attendanceNames")], true);
  for (const line of record.attendance) row([t(`forums.groups.${line.group}`), formatNumber(locale, line.count), line.names.join(", ") || "–"]);
  row([t("forums.page.total"), formatNumber(locale, record.attendance.reduce((sum, line) => sum + line.count, 0)), ""], true);

  heading(t("forums.pdf.inputsHeading"));
  for (const theme of record.themes) {
    doc.font("Helvetica-Bold").fontSize(10.5).text(`${t("forums.page.priority", { priority: theme.priority })}: ${theme.label}`, left, undefined, { width });
    doc.font("Helvetica-Oblique").fontSize(9).fillColor("#444").text(t(`forums.elements.${theme.element}`), { width });
    doc.fillColor("#000").font("Helvetica").fontSize(10).text(theme.summary, { width });
    doc.moveDown(0.2);
    for (const item of theme.items.filter((entry) => !options.withdrawn.has(entry.number))) {
      const meta = [t(`forums.sources.${item.source}`), item.group ? t(`forums.groups.${item.group}`) : null, item.name].filter(Boolean).join(", ");
      doc.fontSize(9).text(`#${item.number}  ${item.body} (${meta})`, left + 14, undefined, { width: width - 14 });
    }
    doc.moveDown(0.5);
  }

  heading(t("forums.page.agreements"));
  doc.text(record.agreements || "–", left, undefined, { width });
  heading(t("forums.page.dissent"));
  doc.text(record.dissent || t("forums.page.noDissent"), left, undefined, { width });

  heading(t("forums.page.actionsTitle"));
  record.actions.forEach((action, index) => {
    doc.font("Helvetica-Bold").fontSize(10).text(`${index + 1}. ${action.description}`, left, undefined, { width });
    const status = options.actionStatus.get(action.id);
    doc
      .font("Helvetica")
      .fontSize(9.5)
      .text(
        [
          `${t("forums.page.responsible")}: ${action.responsibleUnit}${action.responsibleOfficer ? ` (${action.responsibleOfficer})` : ""}`,
          `${t("forums.page.due")}: ${formatShortDay(locale, action.dueOn)}`,
          status ? `${t("forums.page.progress")}: ${t(`forums.status.${status}`)}` : null,
        ]
          .filter(Boolean)
          .join(" · "),
        left + 14,
        undefined,
        { width: width - 14 },
      );
    doc.moveDown(0.3);
  });

  heading(t("forums.pdf.signatures"));
  doc.text(t("forums.page.approvedBy", { name: record.approval.chairName, date: formatForumDay(locale, record.approval.approvedOn) }), left, undefined, { width });
  if (record.approval.communityRepName && record.approval.communitySignedOn) {
    doc.text(t("forums.page.communitySigned", { name: record.approval.communityRepName, date: formatForumDay(locale, record.approval.communitySignedOn) }), { width });
  }
  if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
  doc.moveDown(1.5);
  const signers = [
    { role: t("forums.pdf.chair"), name: record.approval.chairName },
    { role: t("forums.pdf.noteTaker"), name: record.forum.noteTakerName },
    ...(record.approval.communityRepName ? [{ role: t("forums.pdf.communityRep"), name: record.approval.communityRepName }] : []),
  ];
  const columnWidth = width / signers.length;
  const top = doc.y;
  signers.forEach((signer, index) => {
    const x = left + index * columnWidth;
    doc.font("Helvetica").fontSize(10).text(signer.role, x, top, { width: columnWidth - 10, align: "center" });
    doc.moveTo(x + 15, top + 70).lineTo(x + columnWidth - 25, top + 70).strokeColor("#000").stroke();
    doc.text(signer.name, x, top + 75, { width: columnWidth - 10, align: "center" });
  });
  doc.end();
  return done;
}
