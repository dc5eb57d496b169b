import { describe, expect, it } from "vitest";
import { NON_PAGE_CSP, pageContentSecurityPolicy, securityHeaders, SERVICE_WORKER_CSP } from "./security-headers";

const answer = (pathname: string, existing: Record<string, string> = {}, secure = false) =>
  securityHeaders({ pathname, secure, header: (name) => existing[name.toLowerCase()] });

describe("security headers", () => {
  it("keep every staff answer (pages, data, exports) out of browser and shared caches", () => {
    for (const path of ["/staf", "/staf/pengaduan/12", "/staf/indikator/3.csv", "/staf/pengaduan.data", "/masuk", "/pengaduan/lacak/ABCD"]) {
      expect(answer(path, { "cache-control": "public, max-age=600" })["Cache-Control"]).toBe("private, no-store");
    }
    expect(answer("/kantor/pariaman/dukcapil")["Cache-Control"]).toBeUndefined();
    expect(answer("/stafx")["Cache-Control"]).toBeUndefined();
  });

  it("give a page's own policy precedence and lock everything else down", () => {
    expect(answer("/", { "content-security-policy": pageContentSecurityPolicy("abc") })["Content-Security-Policy"]).toBeUndefined();
    expect(answer("/staf/laporan/3.pdf")["Content-Security-Policy"]).toBe(NON_PAGE_CSP);
    expect(answer("/staf/laporan/3.pdf")["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("let the service worker fetch this site's pages and assets, and nothing else", () => {
    expect(answer("/sw.js")["Content-Security-Policy"]).toBe(SERVICE_WORKER_CSP);
    expect(SERVICE_WORKER_CSP).not.toContain("sandbox");
  });

  it("allow inline scripts only with the nonce, and no framing", () => {
    const policy = pageContentSecurityPolicy("n0nce");
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src "));
    expect(scripts).toBe("script-src 'self' 'nonce-n0nce'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("send HSTS only for requests that came over TLS", () => {
    expect(answer("/", {}, true)["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(answer("/", {}, false)["Strict-Transport-Security"]).toBeUndefined();
    expect(answer("/")["Permissions-Policy"]).toContain("camera=()");
  });
});
