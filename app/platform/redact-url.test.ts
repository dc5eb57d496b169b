import { describe, expect, it } from "vitest";
import { redactedUrl } from "./redact-url";

describe("URLs written to the log", () => {
  it.each([
    ["/penyiapan/abcDEF_123-xyz", "/penyiapan/[redacted]"],
    ["/penyiapan/abcDEF_123-xyz.data?_routes=root", "/penyiapan/[redacted]?_routes=root"],
    ["/__manifest?p=%2F&p=%2Fpenyiapan%2FiTZA4hs-O6SzK1&version=9a", "/__manifest?p=%2F&p=%2Fpenyiapan%2F[redacted]&version=9a"],
    ["/aktivasi?kode=K7QM-4X2H&nip=1", "/aktivasi?kode=[redacted]&nip=1"],
    ["/aktivasi/K7QM4X2H", "/aktivasi/[redacted]"],
    ["/kantor?q=dukcapil", "/kantor?q=dukcapil"],
  ])("%s is logged as %s", (url, logged) => {
    expect(redactedUrl(url)).toBe(logged);
  });
});
