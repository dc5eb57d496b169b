import QRCode from "qrcode";

export interface PosterText {
  counterName: string;
  unitName: string;
  agencyName: string;
  services: string[];
  url: string;
  heading: string;
  anonymous: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** An A4 poster (SVG, millimetres) to print and hang at the counter: QR code, names, services, short URL. */
export async function qrPosterSvg(text: PosterText): Promise<string> {
  const qr = QRCode.create(text.url, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  const qrWidth = 120;
  const cell = qrWidth / (size + 8);
  const origin = { x: (210 - qrWidth) / 2 + 4 * cell, y: 95 + 4 * cell };
  let modules = "";
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.modules.get(row, col)) modules += `M${(origin.x + col * cell).toFixed(3)} ${(origin.y + row * cell).toFixed(3)}h${cell.toFixed(3)}v${cell.toFixed(3)}h-${cell.toFixed(3)}z`;
    }
  }
  const services = text.services
    .slice(0, 6)
    .map((service, index) => `<text x="105" y="${232 + index * 7}" text-anchor="middle" font-size="5">${escapeXml(service)}</text>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" font-family="Noto Sans, DejaVu Sans, Arial, sans-serif" fill="#1d2428">
  <rect width="210" height="297" fill="#ffffff"/>
  <rect x="0" y="0" width="210" height="14" fill="#0f5257"/>
  <text x="105" y="38" text-anchor="middle" font-size="13" font-weight="700">${escapeXml(text.heading)}</text>
  <text x="105" y="56" text-anchor="middle" font-size="8" font-weight="700">${escapeXml(text.unitName)}</text>
  <text x="105" y="66" text-anchor="middle" font-size="6">${escapeXml(text.agencyName)}</text>
  <text x="105" y="84" text-anchor="middle" font-size="11" font-weight="700" fill="#0f5257">${escapeXml(text.counterName)}</text>
  <rect x="${(210 - qrWidth) / 2}" y="95" width="${qrWidth}" height="${qrWidth}" fill="#ffffff" stroke="#d5dde0" stroke-width="0.4"/>
  <path d="${modules}" fill="#000000"/>
  <text x="105" y="${95 + qrWidth + 12}" text-anchor="middle" font-size="7" font-weight="700">${escapeXml(text.url)}</text>
  ${services}
  <text x="105" y="280" text-anchor="middle" font-size="6">${escapeXml(text.anonymous)}</text>
</svg>`;
}
