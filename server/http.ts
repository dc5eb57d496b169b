import http from "node:http";
import path from "node:path";
import express, { type ErrorRequestHandler } from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { connectionContext, TRUST_PROXY } from "../app/http/client-address";
import type { Env } from "../app/platform/env.server";
import type { Readiness } from "../app/platform/readiness.server";
import { redactedUrl } from "../app/platform/redact-url";
import { refusalAnswer, requestRefusal } from "../app/http/request-guard";
import { precompressedAssets } from "./precompressed";
import { securityHeadersMiddleware } from "./security-headers";

/** What the server uses from Remix's server build besides the request handler (exported by entry.server). */
export interface EntryModule extends ServerBuild {
  entry: ServerBuild["entry"] & {
    module: ServerBuild["entry"]["module"] & {
      runScheduledJobs?: () => Promise<void>;
      startBackgroundWork?: () => Promise<void>;
      stopBackgroundWork?: () => Promise<void>;
      closeDatabase?: () => Promise<void>;
      readiness?: () => Promise<Readiness>;
      handleRatingPost?: (request: http.IncomingMessage, response: http.ServerResponse, trustedProxy: (address: string) => boolean) => boolean;
    };
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export interface RunningServer {
  server: http.Server;
  /** Stops accepting, lets requests in flight finish (at most `graceMs`), then closes the database pool. */
  stop(graceMs: number): Promise<void>;
}

const PROBES = new Set(["/healthz", "/readyz"]);

export function portalReadyMessage(env: { PORT: number; SUARA_DEMO?: boolean }): string {
  return `Portal ready on http://localhost:${env.PORT}${env.SUARA_DEMO ? " (demo)" : ""}`;
}

export async function startHttpServer(build: EntryModule, buildDir: string, env: Env, log: Logger): Promise<RunningServer> {
  const entryModule = build.entry.module;
  let stopping = false;

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", TRUST_PROXY);
  app.use(securityHeadersMiddleware);
  // Probes for load balancers: the process is up; the process can serve (database reachable, schema current).
  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    res.set("Cache-Control", "no-store");
    if (stopping) return void res.status(503).json({ status: "stopping" });
    const state = (await entryModule.readiness?.()) ?? { ready: false as const, reason: "database_unreachable" as const };
    if (state.ready) return void res.json({ status: "ready" });
    res.status(503).json({ status: "not_ready", ...state, ready: undefined });
  });
  app.use("/assets", precompressedAssets(path.join(buildDir, "client/assets")));
  app.use(compression());
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext: (req) => ({ ...connectionContext(req) }) }));
  // Whatever escapes Remix (a malformed URL, say) is logged and answered without detail.
  const lastResort: ErrorRequestHandler = (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === "number" && error.status >= 400 && error.status < 600 ? error.status : 500;
    if (status >= 500) req.log?.error({ err: error }, "Request failed");
    res.status(status).type("text/plain").send(status >= 500 ? "Internal Server Error" : "Bad Request");
  };
  app.use(lastResort);

  // Scheduled work (automatic closing, reminders) runs in every process; each job takes a PostgreSQL
  // advisory lock, so behind a load balancer only one process does a given job at a time.
  const jobTimer = setInterval(() => {
    entryModule.runScheduledJobs?.().catch((error: unknown) => log.error({ err: error }, "Scheduled job failed"));
  }, 60_000);
  jobTimer.unref();
  // The e-mail outbox worker (woken by PostgreSQL NOTIFY from any process).
  await entryModule.startBackgroundWork?.().catch((error: unknown) => log.error({ err: error }, "Background work did not start"));

  // One JSON line per request (probes left out), without cookies, client addresses or one-time secrets.
  const requestLog = pinoHttp({
    logger: log,
    autoLogging: { ignore: (req) => PROBES.has(req.url ?? "") },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
    serializers: {
      req: (req: { id: unknown; method: string; url: string; headers: Record<string, string | undefined> }) => ({
        id: req.id,
        method: req.method,
        url: redactedUrl(req.url),
        userAgent: req.headers["user-agent"],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });

  // Rating submissions come in bursts; they are answered before Express and Remix (same rules, same answers).
  const trustProxy = app.get("trust proxy fn") as (address: string, hop: number) => boolean;
  const trustedProxy = (address: string) => trustProxy(address, 0);
  const handleRatingPost = entryModule.handleRatingPost;
  const publicHost = env.PUBLIC_BASE_URL ? new URL(env.PUBLIC_BASE_URL).host : undefined;
  const server = http.createServer((request, response) => {
    requestLog(request, response);
    if (stopping) response.setHeader("Connection", "close");
    // Posts from other sites, bodies that are not forms and oversize bodies stop here, before any body is read.
    const refusal = requestRefusal({
      method: request.method ?? "GET",
      url: request.url ?? "/",
      ownHosts: [request.headers.host ?? "", ...(publicHost ? [publicHost] : [])],
      origin: request.headers.origin,
      secFetchSite: header(request.headers["sec-fetch-site"]),
      contentType: request.headers["content-type"],
      contentLength: request.headers["content-length"],
    });
    if (refusal) {
      const answer = refusalAnswer(refusal, (request.url ?? "/").split("?")[0]!, request.headers.cookie);
      response.writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) });
      return void response.end(answer.body);
    }
    if (handleRatingPost?.(request, response, trustedProxy)) return;
    app(request, response);
  });
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  // Behind a primary, the primary says it once every process listens; alone, the process says it itself.
  if (!process.env.SUARA_WORKER) log.info(portalReadyMessage(env));

  return {
    server,
    async stop(graceMs) {
      if (stopping) return;
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections go now; busy ones when their response is done, or when the wait is over.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      const timedOut = await Promise.race([closed.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref())]);
      clearInterval(sweep);
      if (timedOut) {
        log.warn(`Requests still running after ${graceMs} ms: closing their connections`);
        server.closeAllConnections();
        await closed;
      }
      await entryModule.stopBackgroundWork?.().catch((error: unknown) => log.error({ err: error }, "Stopping background work failed"));
      await entryModule.closeDatabase?.().catch((error: unknown) => log.error({ err: error }, "Closing the database pool failed"));
    },
  };
}
