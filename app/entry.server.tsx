import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/ui/nonce";
import { InlineStyleProvider } from "~/ui/inline-style";
import { pageHandleOf } from "~/ui/page-handle";
import appCss from "~/styles/app.css?inline";
import { pageContentSecurityPolicy } from "~/http/security-headers";
import { logger } from "~/platform/log.server";
import { databaseFailure, RETRY_AFTER_SECONDS } from "~/platform/database-errors";
import { redactedUrl } from "~/platform/redact-url";

export { closeDatabase } from "~/platform/db.server";
export { runScheduledJobs, startBackgroundWork, stopBackgroundWork } from "~/data/scheduled-jobs.server";
export { handleRatingPost } from "~/http/rating-api.server";
export { readiness } from "~/platform/readiness.server";

const ABORT_DELAY = 5_000;

/** A citizens' page (sent without the runtime) carries its stylesheet inline: one request less before it paints. */
function citizenPage(remixContext: EntryContext): boolean {
  const matches = remixContext.staticHandlerContext.matches.map((match) => ({ handle: remixContext.routeModules[match.route.id]?.handle }));
  return !pageHandleOf(matches).hydrate;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  responseStatusCode = statusFor(request, responseStatusCode, responseHeaders);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  // A fresh nonce per page: only scripts the server wrote into this very answer may run inline.
  const nonce = randomBytes(16).toString("base64");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider nonce={nonce}>
        <InlineStyleProvider css={citizenPage(remixContext) ? appCss : null}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </InlineStyleProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          // The other security headers are set for every answer by the HTTP server (app/http/security-headers.ts).
          responseHeaders.set("Content-Security-Policy", pageContentSecurityPolicy(nonce));
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger("suara").error({ err: error, url: redactedUrl(request.url) }, "Rendering failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

// Requests whose loader or action failed because the database could not be reached: answered 503 with
// Retry-After (the page says the system has a problem and confirmed data is safe), not 500.
const databaseUnavailable = new WeakSet<Request>();

function statusFor(request: Request, status: number, headers: Headers): number {
  if (status < 500 || !databaseUnavailable.has(request)) return status;
  headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  return 503;
}

export function handleDataRequest(response: Response, { request }: { request: Request }) {
  const status = statusFor(request, response.status, response.headers);
  return status === response.status ? response : new Response(response.body, { status, headers: response.headers });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // A 4xx the framework raised itself (a post to a page without an action, say) is the request's fault.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (databaseFailure(error) === "unavailable") databaseUnavailable.add(request);
  // The log gets the whole error; the visitor only the error page (production Remix sends no stack).
  logger("suara").error({ err: error, method: request.method, url: redactedUrl(request.url) }, "Request failed");
}
