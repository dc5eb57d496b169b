// What every post must be before a route reads it: from this site, a form, and of a bounded size. The HTTP server
// asks this for each request ahead of the framework (server/http.ts), the rating endpoint too; a refused request
// is answered with a 4xx and never reaches an action, so nothing is written.
import fallbackTexts from "../../public/locales/fallback.json";
import { NON_PAGE_CSP, PERMISSIONS_POLICY } from "./security-headers";

/** A urlencoded form (or a multipart one without a file) is never larger than this. */
export const MAX_FORM_BYTES = 256 * 1024;
/** The largest upload any page takes (an organisation workbook of 10 MB, or three 5 MB complaint attachments). */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

export type RequestRefusal =
  | { status: 400; reason: "bad_address" }
  | { status: 403; reason: "cross_site" }
  | { status: 411; reason: "length_required" }
  | { status: 413; reason: "too_large" }
  | { status: 415; reason: "not_a_form" };

export interface RequestFacts {
  method: string;
  /** The request target as sent: path and query string. */
  url: string;
  /** The hosts this request may come from: its Host header, and the public address's host when one is set. */
  ownHosts: readonly string[];
  origin: string | undefined;
  secFetchSite: string | undefined;
  contentType: string | undefined;
  contentLength: string | undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Null when the request may go on; otherwise how to refuse it. GET and HEAD are refused only for their address. */
export function requestRefusal(facts: RequestFacts): RequestRefusal | null {
  if (!readableAddress(facts.url)) return { status: 400, reason: "bad_address" };
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return null;
  if (!fromThisSite(facts)) return { status: 403, reason: "cross_site" };
  const kind = formKind(facts.contentType);
  if (kind === null) return { status: 415, reason: "not_a_form" };
  const limit = kind === "multipart" ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES;
  // Browsers always send a form with its length, and Node's parser never reads past it; a chunked body of
  // unknown size would have to be buffered before its size is known, so it is not taken.
  const length = /^\d{1,12}$/.test((facts.contentLength ?? "").trim()) ? Number(facts.contentLength) : Number.NaN;
  if (!Number.isFinite(length)) return { status: 411, reason: "length_required" };
  return length > limit ? { status: 413, reason: "too_large" } : null;
}

/**
 * A path must decode as UTF-8, and neither path nor query may carry a NUL character: no page has such an address,
 * and the text would reach PostgreSQL (which refuses NUL) as a code or a search word.
 */
function readableAddress(url: string): boolean {
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (decoded.includes("\u0000")) return false;
  return query === -1 || !/%00|\u0000/i.test(url.slice(query));
}

/**
 * A browser says where a post comes from in Sec-Fetch-Site and Origin. A post from another site (a page that
 * makes its visitors' browsers submit ratings or sign out, say) is refused; a client sending neither (a script,
 * an old browser) is let through, as it cannot carry a visitor's cookies without the browser's help.
 */
function fromThisSite(facts: RequestFacts): boolean {
  const site = facts.secFetchSite?.trim().toLowerCase();
  if (site === "cross-site" || site === "same-site") return false;
  if (facts.origin === undefined) return true;
  if (facts.origin === "null") return false;
  let host: string;
  try {
    host = new URL(facts.origin).host.toLowerCase();
  } catch {
    return false;
  }
  return facts.ownHosts.some((own) => own.toLowerCase() === host);
}

function formKind(contentType: string | undefined): "urlencoded" | "multipart" | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return "urlencoded";
  // Without a boundary a multipart body cannot be read at all.
  if (type === "multipart/form-data") return /;\s*boundary=("[^"]+"|[^\s;]+)/i.test(contentType ?? "") ? "multipart" : null;
  return null;
}

/** The page's text for each refusal (public/locales/fallback.json, shared with the error page). */
const REFUSAL_TEXT = {
  bad_address: "badRequest",
  cross_site: "crossSite",
  length_required: "lengthRequired",
  too_large: "tooLarge",
  not_a_form: "notAForm",
} as const satisfies Record<RequestRefusal["reason"], keyof (typeof fallbackTexts)["id"]["errors"]>;

export interface RefusalAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * How a refused request is answered: JSON for the rating endpoint (its script reads `errors`), otherwise a small
 * page in the reader's language. The connection is closed, so an unread body is never waited for.
 */
export function refusalAnswer(refusal: RequestRefusal, pathname: string, cookieHeader: string | undefined): RefusalAnswer {
  const key = REFUSAL_TEXT[refusal.reason];
  const common = {
    "Cache-Control": "no-store",
    Connection: "close",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": NON_PAGE_CSP,
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Frame-Options": "DENY",
  };
  if (pathname.startsWith("/api/")) {
    return { status: refusal.status, headers: { ...common, "Content-Type": "application/json; charset=utf-8" }, body: JSON.stringify({ ok: false, errors: { _form: `errors.${key}.body` } }) };
  }
  const locale = localeFromCookie(cookieHeader);
  const texts = fallbackTexts[locale].errors;
  const body = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(texts[key].title)}</title></head><body><main><h1>${escapeHtml(texts[key].title)}</h1>`,
    `<p>${escapeHtml(texts[key].body)}</p><p><a href="/">${escapeHtml(texts.home)}</a></p></main></body></html>`,
  ].join("");
  return { status: refusal.status, headers: { ...common, "Content-Type": "text/html; charset=utf-8" }, body };
}

/** The reader's language from the `lng` cookie (app/i18n/locale.server.ts writes it, unsigned, as base64 JSON). */
export function localeFromCookie(cookieHeader: string | undefined): "id" | "en" {
  const raw = /(?:^|;\s*)lng=([^;]*)/.exec(cookieHeader ?? "")?.[1];
  if (!raw) return "id";
  try {
    return JSON.parse(atob(decodeURIComponent(raw))) === "en" ? "en" : "id";
  } catch {
    return "id";
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
