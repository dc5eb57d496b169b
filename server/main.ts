import cluster from "node:cluster";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { parseEnv } from "../app/platform/env.server";
import { connectionContext, TRUST_PROXY } from "../app/http/client-address";
import { bootstrap } from "./bootstrap";
import { precompressedAssets } from "./precompressed";
import { securityHeadersMiddleware } from "./security-headers";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const log = (line: string) => console.log(`[suara] ${line}`);
// Processes hold no state, so one per core can share the port; the first prepares the database for all.
const processes = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1) || 1);

if (cluster.isPrimary && processes > 1) {
  const started = await bootstrap(log);
  for (let i = 0; i < processes; i++) cluster.fork({ ...process.env, SUARA_WORKER: "1" });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${processes} processes`);
    const exits = Object.values(cluster.workers ?? {}).map(
      (worker) => new Promise<void>((resolve) => (worker ? (worker.once("exit", () => resolve()), worker.process.kill("SIGTERM")) : resolve())),
    );
    await Promise.all(exits);
    await started.shutdown();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
} else {
  // A worker finds the database ready (and its address and secrets in the environment the primary passed on).
  const started = process.env.SUARA_WORKER ? { env: parseEnv(process.env), shutdown: async () => {} } : await bootstrap(log);
  await serve(started.env, started.shutdown);
}

async function serve(env: ReturnType<typeof parseEnv>, shutdown: () => Promise<void>) {
  const buildDir = path.join(root, process.env.SUARA_BUILD_DIR ?? "build");
  const build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", TRUST_PROXY);
  app.use(securityHeadersMiddleware);
  app.use("/assets", precompressedAssets(path.join(buildDir, "client/assets")));
  app.use(compression());
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext: (req) => ({ ...connectionContext(req) }) }));

  // Scheduled work (automatic closing, reminders) runs in every process; each job takes a PostgreSQL
  // advisory lock, so behind a load balancer only one process does a given job at a time.
  const entryModule = build.entry.module as {
    runScheduledJobs?: () => Promise<void>;
    closeDatabase?: () => Promise<void>;
    handleRatingPost?: (request: http.IncomingMessage, response: http.ServerResponse, trustedProxy: (address: string) => boolean) => boolean;
  };
  const jobTimer = setInterval(() => {
    entryModule.runScheduledJobs?.().catch((error) => console.error("Scheduled job failed", error));
  }, 60_000);
  jobTimer.unref();

  // Rating submissions come in bursts; they are answered before Express and Remix (same rules, same answers).
  const trustProxy = app.get("trust proxy fn") as (address: string, hop: number) => boolean;
  const trustedProxy = (address: string) => trustProxy(address, 0);
  const handleRatingPost = entryModule.handleRatingPost;
  const server = http.createServer((request, response) => {
    if (handleRatingPost?.(request, response, trustedProxy)) return;
    app(request, response);
  });
  server.listen(env.PORT, env.HOST, () => {
    log(`Portal ready on http://localhost:${env.PORT}`);
  });

  let stopping = false;
  async function stop(signal: string) {
    if (stopping) return;
    stopping = true;
    if (!process.env.SUARA_WORKER) log(`${signal}: stopping`);
    server.close();
    server.closeAllConnections();
    // The pool lives inside the server build; entry.server exports its closer.
    await entryModule.closeDatabase?.().catch(() => {});
    await shutdown();
    process.exit(0);
  }
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}
