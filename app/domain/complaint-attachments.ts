// What a complaint may carry as attachments, decided by content, never by the file's name or the
// browser's declared type: a renamed .exe stays refused.

export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export type AttachmentMediaType = "image/jpeg" | "image/png" | "application/pdf";

const SIGNATURES: readonly { type: AttachmentMediaType; bytes: readonly number[]; extension: string }[] = [
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff], extension: "jpg" },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extension: "png" },
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], extension: "pdf" }, // "%PDF-"
];

export type AttachmentCheck =
  | { ok: true; mediaType: AttachmentMediaType; extension: string }
  | { ok: false; reason: "empty" | "too_large" | "unsupported_type" };

/** Checks one file's size and its first bytes (magic numbers) against the accepted types. */
export function checkAttachment(head: Uint8Array, sizeBytes: number): AttachmentCheck {
  if (sizeBytes <= 0) return { ok: false, reason: "empty" };
  if (sizeBytes > MAX_ATTACHMENT_BYTES) return { ok: false, reason: "too_large" };
  const match = SIGNATURES.find((signature) => signature.bytes.every((byte, index) => head[index] === byte));
  return match ? { ok: true, mediaType: match.type, extension: match.extension } : { ok: false, reason: "unsupported_type" };
}

/** The name shown to staff: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return (cleaned || "lampiran").slice(0, 120);
}
