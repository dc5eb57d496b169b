import { env } from "~/platform/env.server";

/** The portal's public address: PUBLIC_BASE_URL when set (behind a proxy), else where the request came in. */
export function publicBaseUrl(request: Request): string {
  return env().PUBLIC_BASE_URL ?? new URL(request.url).origin;
}
