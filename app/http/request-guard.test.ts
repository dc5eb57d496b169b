import { describe, expect, it } from "vitest";
import { localeFromCookie, MAX_FORM_BYTES, MAX_UPLOAD_BYTES, refusalAnswer, requestRefusal, type RequestFacts } from "./request-guard";

const form: RequestFacts = {
  method: "POST",
  url: "/l/abc123?index",
  ownHosts: ["suara.example.go.id"],
  origin: "https://suara.example.go.id",
  secFetchSite: "same-origin",
  contentType: "application/x-www-form-urlencoded",
  contentLength: "120",
};

describe("requestRefusal", () => {
  it.each<[string, Partial<RequestFacts>, number | null]>([
    ["a form from this site", {}, null],
    ["a form from a script that names no origin", { origin: undefined, secFetchSite: undefined }, null],
    ["a page load (GET) from anywhere", { method: "GET", origin: "https://evil.example", contentType: undefined, contentLength: undefined }, null],
    ["a post from another site (Origin)", { origin: "https://evil.example", secFetchSite: undefined }, 403],
    ["a post from another site (Sec-Fetch-Site)", { secFetchSite: "cross-site" }, 403],
    ["a post from a sibling subdomain", { secFetchSite: "same-site", origin: "https://other.example.go.id" }, 403],
    ["a post from an opaque origin (sandboxed frame)", { origin: "null" }, 403],
    ["a post whose Origin is not a URL", { origin: "::::" }, 403],
    ["a JSON body", { contentType: "application/json" }, 415],
    ["a text body", { contentType: "text/plain" }, 415],
    ["no content type", { contentType: undefined }, 415],
    ["multipart without a boundary", { contentType: "multipart/form-data" }, 415],
    ["multipart with a boundary", { contentType: "multipart/form-data; boundary=----x1", contentLength: String(MAX_FORM_BYTES + 1) }, null],
    ["a chunked body of unknown size", { contentLength: undefined }, 411],
    ["a length that is not a number", { contentLength: "12abc" }, 411],
    ["a urlencoded body over its limit (30 MB)", { contentLength: String(30 * 1024 * 1024) }, 413],
    ["a urlencoded body at its limit", { contentLength: String(MAX_FORM_BYTES) }, null],
    ["an upload over the upload limit", { contentType: "multipart/form-data; boundary=x", contentLength: String(MAX_UPLOAD_BYTES + 1) }, 413],
    ["a path that is not UTF-8", { method: "GET", url: "/l/%C3%28" }, 400],
    ["a broken percent sign in the path", { method: "GET", url: "/staf/%E0%A4%A" }, 400],
    ["a NUL in the path", { method: "GET", url: "/pengaduan/lacak/ABC%00" }, 400],
    ["a NUL in the query string", { method: "GET", url: "/staf/pengaduan?q=a%00b" }, 400],
    ["a percent sign in the query that is not an escape", { method: "GET", url: "/staf/pengaduan?q=100%" }, null],
    ["Indonesian and Javanese text in the path and query", { method: "GET", url: "/kantor/%E0%A6%95?q=%EA%A6%A7" }, null],
    ["a PUT that is not a form", { method: "PUT", contentType: "application/json" }, 415],
  ])("%s", (_name, change, status) => {
    expect(requestRefusal({ ...form, ...change })?.status ?? null).toBe(status);
  });

  it("matches the host whatever its case, and accepts the public address behind a proxy", () => {
    expect(requestRefusal({ ...form, origin: "https://SUARA.example.go.id" })).toBeNull();
    expect(requestRefusal({ ...form, ownHosts: ["10.0.0.5:3000", "suara.example.go.id"] })).toBeNull();
    expect(requestRefusal({ ...form, ownHosts: ["10.0.0.5:3000"] })?.status).toBe(403);
  });
});

describe("refusalAnswer", () => {
  const tooLarge = { status: 413, reason: "too_large" } as const;

  it("answers a page in Indonesian by default and in English when chosen, with nothing that runs", () => {
    const id = refusalAnswer(tooLarge, "/pengaduan/baru", undefined);
    expect(id.status).toBe(413);
    expect(id.body).toContain("Kiriman terlalu besar");
    expect(id.headers["Content-Security-Policy"]).toContain("default-src 'none'");
    const en = refusalAnswer(tooLarge, "/pengaduan/baru", `a=1; lng=${encodeURIComponent(btoa(JSON.stringify("en")))}`);
    expect(en.body).toContain("Submission too large");
    expect(en.body).toContain('lang="en"');
  });

  it("answers JSON with a translation key on the rating endpoint", () => {
    const answer = refusalAnswer({ status: 403, reason: "cross_site" }, "/api/ratings/abc123", undefined);
    expect(answer.headers["Content-Type"]).toContain("application/json");
    expect(JSON.parse(answer.body)).toEqual({ ok: false, errors: { _form: "errors.crossSite.body" } });
  });

  it.each([undefined, "", "lng=", "lng=%%%", "lng=bm90LWpzb24=", `lng=${btoa('"fr"')}`])("falls back to Indonesian for cookie %s", (cookie) => {
    expect(localeFromCookie(cookie)).toBe("id");
  });
});
