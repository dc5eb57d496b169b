import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { PosterText } from "./qr-poster.server";

// Many counters' QR posters as one A4 PDF, one poster a page, laid out like the single SVG poster
// (qr-poster.server.ts): heading, unit, agency, counter, the QR code of its public address, services, the promise.
// DejaVu Sans prints every name an agency may type (the PDF's built-in fonts know only Latin-1).
const fonts = createRequire(import.meta.url);
const REGULAR = fonts.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const BOLD = fonts.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
const MM = 72 / 25.4;

export function renderPostersPdf(posters: readonly PosterText[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 0, autoFirstPage: false, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const width = 210 * MM;
  const centred = (text: string, y: number, size: number, font: "regular" | "bold", color = "#1d2428") => {
    doc.font(font).fontSize(size).fillColor(color).text(text, 15 * MM, y * MM, { width: width - 30 * MM, align: "center" });
  };
  for (const poster of posters) {
    doc.addPage();
    doc.rect(0, 0, width, 14 * MM).fill("#0f5257");
    centred(poster.heading, 28, 26, "bold");
    centred(poster.unitName, 50, 16, "bold");
    centred(poster.agencyName, 61, 12, "regular");
    centred(poster.counterName, 75, 22, "bold", "#0f5257");
    const qr = QRCode.create(poster.url, { errorCorrectionLevel: "M" });
    const size = qr.modules.size;
    const qrWidth = 120;
    const cell = qrWidth / (size + 8);
    const x0 = (210 - qrWidth) / 2;
    doc.rect(x0 * MM, 95 * MM, qrWidth * MM, qrWidth * MM).lineWidth(0.4 * MM).strokeColor("#d5dde0").stroke();
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        if (qr.modules.get(row, col)) doc.rect((x0 + (4 + col) * cell) * MM, (95 + (4 + row) * cell) * MM, cell * MM + 0.2, cell * MM + 0.2);
      }
    }
    doc.fill("#000000");
    centred(poster.url, 95 + qrWidth + 6, 13, "bold");
    poster.services.slice(0, 6).forEach((service, index) => centred(service, 229 + index * 7, 11, "regular"));
    centred(poster.anonymous, 276, 11, "regular");
  }
  if (posters.length === 0) doc.addPage();
  doc.end();
  return done;
}
