// How a file someone uploaded (a complaint attachment, SKP evidence) is answered, decided once for every route
// that serves one: under a policy that runs nothing (`sandbox`: a crafted file can never script the portal's
// origin), never cached, never sniffed into another type. Only images open in the browser; a PDF, or anything
// else, is downloaded as an attachment, so no document is rendered inside the portal's origin.

/** The policy of an uploaded file: nothing runs, nothing loads, nothing frames it. */
export const UPLOADED_FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

const INLINE_TYPES = new Set(["image/jpeg", "image/png"]);

/** A name for the Content-Disposition header: ASCII letters, digits, dot, dash, underscore, space; never empty. */
export function dispositionName(name: string): string {
  const safe = name.replace(/[^\w.\- ]/g, "_").replace(/^[.\s]+/, "").slice(0, 120);
  return safe || "berkas";
}

export function uploadedFileHeaders(file: { mediaType: string; name: string; bytes: number }): Record<string, string> {
  const inline = INLINE_TYPES.has(file.mediaType);
  return {
    "Content-Type": inline || file.mediaType === "application/pdf" ? file.mediaType : "application/octet-stream",
    "Content-Length": String(file.bytes),
    "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${dispositionName(file.name)}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": UPLOADED_FILE_CSP,
  };
}

export function uploadedFileResponse(bytes: Uint8Array<ArrayBuffer>, file: { mediaType: string; name: string }): Response {
  return new Response(bytes, { headers: uploadedFileHeaders({ ...file, bytes: bytes.byteLength }) });
}
