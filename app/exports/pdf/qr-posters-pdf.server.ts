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
/** Every mark stays this far inside the A4 sheet, so an office printer cuts nothing off. */
export const POSTER_MARGIN_MM = 15;

// Each text has its own box (top and height in mm, at most so many lines): a long unit name or address ends with
// "…" inside its box rather than running into the QR code or onto a second page.
const BOXES = {
  heading: { top: 30, height: 22, size: 26, font: "bold" },
  unit: { top: 54, height: 13.5, size: 16, font: "bold" },
  agency: { top: 68, height: 5.5, size: 12, font: "regular" },
  counter: { top: 75, height: 18.5, size: 22, font: "bold" },
  url: { top: 210, height: 11, size: 13, font: "bold" },
  services: { top: 224, height: 36, size: 11, font: "regular" },
  anonymous: { top: 264, height: 15, size: 11, font: "regular" },
} as const;
const QR = { top: 96, width: 110 };

export function renderPostersPdf(posters: readonly PosterText[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 0, autoFirstPage: false, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const width = 210;
  const inner = width - 2 * POSTER_MARGIN_MM;
  const boxed = (text: string, box: keyof typeof BOXES, color = "#1d2428") => {
    const { top, height, size, font } = BOXES[box];
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(text, POSTER_MARGIN_MM * MM, top * MM, { width: inner * MM, height: height * MM, align: "center", ellipsis: true, lineGap: 0 });
  };
  for (const poster of posters) {
    doc.addPage();
    doc.rect(POSTER_MARGIN_MM * MM, POSTER_MARGIN_MM * MM, inner * MM, 8 * MM).fill("#0f5257");
    boxed(poster.heading, "heading");
    boxed(poster.unitName, "unit");
    boxed(poster.agencyName, "agency");
    boxed(poster.counterName, "counter", "#0f5257");
    const qr = QRCode.create(poster.url, { errorCorrectionLevel: "M" });
    const size = qr.modules.size;
    const cell = QR.width / (size + 8);
    const x0 = (width - QR.width) / 2;
    doc.rect(x0 * MM, QR.top * MM, QR.width * MM, QR.width * MM).lineWidth(0.4 * MM).strokeColor("#d5dde0").stroke();
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        if (qr.modules.get(row, col)) doc.rect((x0 + (4 + col) * cell) * MM, (QR.top + (4 + row) * cell) * MM, cell * MM + 0.2, cell * MM + 0.2);
      }
    }
    doc.fill("#000000");
    boxed(poster.url, "url");
    if (poster.services.length > 0) boxed(poster.services.slice(0, 8).join("\n"), "services");
    boxed(poster.anonymous, "anonymous");
  }
  if (posters.length === 0) doc.addPage();
  doc.end();
  return done;
}
