// The security headers every answer carries, decided in one place. HTML documents get a Content-Security-Policy
// with a per-request nonce (set where the page is rendered, app/entry.server.tsx); everything else (exports,
// files, JSON, redirects) gets a policy that runs nothing and may not be framed.

/** Paths whose answers hold personal or internal data: never stored by a browser or a shared cache. */
const PRIVATE_PATHS = [/^\/staf(\/|\.data$|$)/, /^\/masuk/, /^\/keluar/, /^\/pengaduan\/lacak/, /^\/_root\.data/];

export function isPrivatePath(pathname: string): boolean {
  return PRIVATE_PATHS.some((pattern) => pattern.test(pathname));
}

/** The policy of an HTML page: scripts only from this site or with this request's nonce; no framing at all. */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "script-src-attr 'none'",
    // Charts and React set style attributes; styles cannot run code, scripts are what the policy guards.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy of anything that is not a page: nothing runs, nothing frames it. */
export const NON_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; sandbox";

/** The policy of the service worker (public/sw.js): it fetches pages and assets of this site, nothing else. */
export const SERVICE_WORKER_CSP = "default-src 'self'; frame-ancestors 'none'";

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

export interface AnswerFacts {
  pathname: string;
  /** The request reached the portal over TLS (directly, or a trusted proxy says so). */
  secure: boolean;
  /** The value of a header the answer already carries, if any. */
  header(name: string): string | undefined;
}

/** The headers to set (overriding) on an answer just before it is written. */
export function securityHeaders(facts: AnswerFacts): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (!facts.header("content-security-policy")) headers["Content-Security-Policy"] = facts.pathname === "/sw.js" ? SERVICE_WORKER_CSP : NON_PAGE_CSP;
  if (isPrivatePath(facts.pathname)) headers["Cache-Control"] = "private, no-store";
  if (facts.secure) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
