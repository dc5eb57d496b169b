import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { bootstrap } from "./bootstrap";
import { precompressedAssets } from "./precompressed";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const log = (line: string) => console.log(`[suara] ${line}`);

const started = await bootstrap(log);
const { env } = started;

const buildDir = path.join(root, process.env.SUARA_BUILD_DIR ?? "build");
const build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
const app = express();
app.disable("x-powered-by");
app.set("trust proxy", "loopback");
app.use("/assets", precompressedAssets(path.join(buildDir, "client/assets")));
app.use(compression());
app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext: (req) => ({ ip: req.ip ?? null }) }));

// Scheduled work (automatic closing, reminders) runs in every process; each job takes a PostgreSQL
// advisory lock, so behind a load balancer only one process does a given job at a time.
const entryModule = build.entry.module as { runScheduledJobs?: () => Promise<void> };
const jobTimer = setInterval(() => {
  entryModule.runScheduledJobs?.().catch((error) => console.error("Scheduled job failed", error));
}, 60_000);
jobTimer.unref();

const server = app.listen(env.PORT, env.HOST, () => {
  log(`Portal ready on http://localhost:${env.PORT}`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  server.close();
  server.closeAllConnections();
  // The pool lives inside the server build; entry.server exports its closer.
  const entry = build.entry.module as { closeDatabase?: () => Promise<void> };
  await entry.closeDatabase?.().catch(() => {});
  await started.shutdown();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
