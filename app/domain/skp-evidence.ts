// Evidence files for achievements: only JPEG, PNG and PDF, recognised by their first bytes (never by the
// name or the browser's claimed type), at most 5 MB.

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export type EvidenceMime = "image/jpeg" | "image/png" | "application/pdf";

const SIGNATURES: { mime: EvidenceMime; extension: string; bytes: readonly number[] }[] = [
  { mime: "image/jpeg", extension: "jpg", bytes: [0xff, 0xd8, 0xff] },
  { mime: "image/png", extension: "png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: "application/pdf", extension: "pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

export type EvidenceCheck =
  { ok: true; mime: EvidenceMime; extension: string } | { ok: false; reason: "empty" | "tooLarge" | "wrongType" };

export function checkEvidenceFile(content: Uint8Array): EvidenceCheck {
  if (content.length === 0) return { ok: false, reason: "empty" };
  if (content.length > MAX_EVIDENCE_BYTES) return { ok: false, reason: "tooLarge" };
  const match = SIGNATURES.find((signature) => signature.bytes.every((byte, index) => content[index] === byte));
  return match ? { ok: true, mime: match.mime, extension: match.extension } : { ok: false, reason: "wrongType" };
}

/** A display name safe for a Content-Disposition header: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string, extension: string): string {
  const base = name
    .replace(/\.[^.]*$/, "")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "bukti"}.${extension}`;
}
