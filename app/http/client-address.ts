import type { AppLoadContext } from "@remix-run/node";

// The one rule for "who is the client": every limit (ratings, complaint tracking, forum input, sign-in) counts
// under the address decided here, never under a header the client writes itself.

/** Express's `trust proxy` setting for the portal: the reverse proxy runs on the same machine. */
export const TRUST_PROXY = "loopback";

/**
 * The client's address as Express's `trust proxy` computes it: walk from the socket's peer back through
 * X-Forwarded-For while the hop is a trusted proxy; the first untrusted hop is the client. A header sent by
 * the client itself (left of what the proxy appended) is never believed.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxy: (address: string) => boolean): string | null {
  if (!remoteAddress) return null;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0)
    .reverse();
  const hops = [remoteAddress, ...forwarded];
  for (let i = 0; i < hops.length - 1; i++) {
    if (!trustedProxy(hops[i]!)) return hops[i]!;
  }
  return hops[hops.length - 1]!;
}

/** What the HTTP server tells every loader and action about the connection. */
export interface ConnectionContext {
  /** The client's address (see `clientAddress`), or null when the server could not tell. */
  ip: string | null;
  /** True when the request reached the portal over TLS (directly or as a trusted proxy reports it). */
  secure: boolean;
}

/** The load context both servers (production and development) build from Express's request. */
export function connectionContext(request: { ip?: string | undefined; secure?: boolean }): ConnectionContext {
  return { ip: request.ip ?? null, secure: request.secure === true };
}

/** The client's address from the load context, for a limit's key. */
export function clientAddressOf(context: AppLoadContext | undefined): string | null {
  const ip = (context as { ip?: unknown } | undefined)?.ip;
  return typeof ip === "string" && ip.length > 0 ? ip : null;
}

/** Whether the request came through TLS, as the load context says. */
export function cameOverTls(context: AppLoadContext | undefined): boolean {
  return (context as { secure?: unknown } | undefined)?.secure === true;
}
