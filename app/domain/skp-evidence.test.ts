import { describe, expect, it } from "vitest";
import { checkEvidenceFile, MAX_EVIDENCE_BYTES, safeFileName } from "./skp-evidence";

describe("evidence files", () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0, 0, 0], "image/jpeg"],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], "image/png"],
    [[...Buffer.from("%PDF-1.7\n")], "application/pdf"],
  ])("recognises %j by its first bytes as %s", (bytes, mime) => {
    expect(checkEvidenceFile(Uint8Array.from(bytes))).toMatchObject({ ok: true, mime });
  });

  it("refuses other content whatever it is called, empty files and files over 5 MB", () => {
    expect(checkEvidenceFile(Uint8Array.from(Buffer.from("<html>pdf</html>")))).toEqual({
      ok: false,
      reason: "wrongType",
    });
    expect(checkEvidenceFile(new Uint8Array())).toEqual({ ok: false, reason: "empty" });
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(checkEvidenceFile(big)).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("keeps a header-safe display name", () => {
    expect(safeFileName('laporan "akhir"\r\n.exe', "pdf")).toBe("laporan-akhir.pdf");
    expect(safeFileName("...", "png")).toBe("bukti.png");
  });
});
