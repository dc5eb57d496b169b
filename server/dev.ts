import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { createServer } from "vite";
import { bootstrap } from "./bootstrap";
import { securityHeadersMiddleware } from "./security-headers";
import { connectionContext, TRUST_PROXY } from "../app/http/client-address";
import { serverLogger } from "./log";

const log = serverLogger();
const started = await bootstrap(log);
const vite = await createServer({ server: { middlewareMode: true } });

const app = express();
app.set("trust proxy", TRUST_PROXY);
app.use(securityHeadersMiddleware);
app.use(vite.middlewares);
app.all(
  "*",
  createRequestHandler({
    build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
    mode: "development",
    getLoadContext: (req) => ({ ...connectionContext(req) }),
  }),
);
const server = app.listen(started.env.PORT, started.env.HOST, () =>
  log.info(`Development server on http://localhost:${started.env.PORT}`),
);
async function stop() {
  server.close();
  await vite.close();
  await started.shutdown();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
