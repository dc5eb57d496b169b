import { describe, expect, it } from "vitest";
import { dispositionName, uploadedFileHeaders, UPLOADED_FILE_CSP } from "./uploaded-file";

describe("uploadedFileHeaders", () => {
  it.each([
    ["image/jpeg", "foto.jpg", "image/jpeg", 'inline; filename="foto.jpg"'],
    ["image/png", "layar.png", "image/png", 'inline; filename="layar.png"'],
    ["application/pdf", "surat.pdf", "application/pdf", 'attachment; filename="surat.pdf"'],
    ["text/html", "x.html", "application/octet-stream", 'attachment; filename="x.html"'],
    ["image/svg+xml", "a.svg", "application/octet-stream", 'attachment; filename="a.svg"'],
  ])("%s is served as %s with %s", (mediaType, name, type, disposition) => {
    const headers = uploadedFileHeaders({ mediaType, name, bytes: 3 });
    expect(headers["Content-Type"]).toBe(type);
    expect(headers["Content-Disposition"]).toBe(disposition);
    expect(headers["Content-Security-Policy"]).toBe(UPLOADED_FILE_CSP);
    expect(headers["Cache-Control"]).toBe("private, no-store");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("runs nothing: the policy sandboxes the file and allows no script", () => {
    expect(UPLOADED_FILE_CSP).toMatch(/(^|; )sandbox($|;)/);
    expect(UPLOADED_FILE_CSP).not.toContain("script-src");
    expect(UPLOADED_FILE_CSP).toContain("default-src 'none'");
  });

  it.each([
    ['a"\r\nSet-Cookie: x.pdf', "a___Set-Cookie_ x.pdf"],
    ["surat pengaduan.pdf", "surat pengaduan.pdf"],
    ["..", "berkas"],
    ["", "berkas"],
    ["bukti/../../etc.pdf", "bukti_.._.._etc.pdf"],
  ])("a file name %j becomes the header-safe %j", (name, safe) => {
    expect(dispositionName(name)).toBe(safe);
  });
});
