import { describe, expect, it } from "vitest";
import { checkAttachment, cleanFileName, MAX_ATTACHMENT_BYTES } from "./complaint-attachments";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16];
const PDF = [...Buffer.from("%PDF-1.7\n")];
const EXE = [0x4d, 0x5a, 0x90, 0];
const HTML = [...Buffer.from("<html><script>")];

describe("attachments are judged by their content", () => {
  it.each([
    ["a PNG", PNG, "image/png"],
    ["a JPEG", JPEG, "image/jpeg"],
    ["a PDF", PDF, "application/pdf"],
  ])("accepts %s", (_name, head, type) => {
    expect(checkAttachment(new Uint8Array(head), 1000)).toEqual({ ok: true, mediaType: type, extension: expect.any(String) });
  });

  it.each([
    ["a program renamed to .jpg", EXE],
    ["a web page renamed to .pdf", HTML],
    ["a truncated PNG signature", PNG.slice(0, 4)],
  ])("refuses %s", (_name, head) => {
    expect(checkAttachment(new Uint8Array(head), 1000)).toEqual({ ok: false, reason: "unsupported_type" });
  });

  it("refuses empty files and files over 5 MB, whatever they hold", () => {
    expect(checkAttachment(new Uint8Array(PNG), 0)).toEqual({ ok: false, reason: "empty" });
    expect(checkAttachment(new Uint8Array(PNG), MAX_ATTACHMENT_BYTES)).toMatchObject({ ok: true });
    expect(checkAttachment(new Uint8Array(PNG), MAX_ATTACHMENT_BYTES + 1)).toEqual({ ok: false, reason: "too_large" });
  });

  it("keeps only a harmless base name for display", () => {
    expect(cleanFileName("C:\\Users\\x\\foto loket.jpg")).toBe("foto loket.jpg");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName('a"\u0000b.png')).toBe("ab.png");
    expect(cleanFileName("")).toBe("lampiran");
  });
});
