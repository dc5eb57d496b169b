// The production server. `npm run build` bundles this file into <build>/server/main.js beside Remix's server
// build, so `npm start` runs compiled JavaScript only. `--demo` (or SUARA_DEMO=1) makes it the demo.
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import closeWithGrace from "close-with-grace";
import { bootstrap, type Started } from "./bootstrap";
import { serverLogger } from "./log";
import { portalReadyMessage, startHttpServer, type EntryModule } from "./http";

if (process.argv.includes("--demo")) process.env.SUARA_DEMO = "1";
process.env.NODE_ENV ??= "production";

const log = serverLogger();
// The bundle sits in <build>/server/; run from source (the development tools), the build folder is named.
const here = path.dirname(fileURLToPath(import.meta.url));
const buildDir = existsSync(path.join(here, "index.js")) ? path.dirname(here) : path.resolve(here, "..", process.env.SUARA_BUILD_DIR ?? "build");
// Processes hold no state, so one per core can share the port; the first prepares the database for all.
const processes = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1) || 1);

if (cluster.isPrimary && processes > 1) {
  const started = await bootstrap(log);
  let stopping = false;
  const fork = () => cluster.fork({ ...process.env, SUARA_WORKER: "1" });
  // Ready means every process takes connections: before that, the port would send them all to the first.
  let listening = 0;
  cluster.on("listening", () => {
    listening++;
    if (listening === processes) log.info(`${portalReadyMessage(started.env)} (${processes} processes)`);
  });
  for (let i = 0; i < processes; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    log.error({ pid: worker.process.pid, code, signal }, "A portal process stopped unexpectedly; starting another");
    fork();
  });
  closeWithGrace({ delay: (started.env.SHUTDOWN_GRACE_SECONDS + 5) * 1000, logger: log }, async ({ signal, err }) => {
    stopping = true;
    if (err) log.error({ err }, "Stopping after an unexpected error");
    log.info(`${signal ?? "error"}: stopping ${processes} processes`);
    const exits = Object.values(cluster.workers ?? {}).map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (!worker || worker.isDead()) return resolve();
          worker.once("exit", () => resolve());
          worker.process.kill("SIGTERM");
        }),
    );
    await Promise.all(exits);
    await started.shutdown();
  });
} else {
  // A worker finds the database ready (and its address and secrets in the environment the primary passed on).
  const started: Started = process.env.SUARA_WORKER ? { env: (await import("../app/platform/env.server")).parseEnv(process.env), shutdown: async () => {} } : await bootstrap(log);
  const entry = (await import(path.join(buildDir, "server/index.js"))) as EntryModule;
  const running = await startHttpServer(entry, buildDir, started.env, log);
  closeWithGrace({ delay: (started.env.SHUTDOWN_GRACE_SECONDS + 5) * 1000, logger: log }, async ({ signal, err }) => {
    if (err) log.error({ err }, "Stopping after an unexpected error");
    if (!process.env.SUARA_WORKER) log.info(`${signal ?? "error"}: stopping`);
    await running.stop(started.env.SHUTDOWN_GRACE_SECONDS * 1000);
    await started.shutdown();
  });
}
