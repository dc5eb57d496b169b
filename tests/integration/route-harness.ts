import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll } from "vitest";
import { connectionContext, TRUST_PROXY } from "~/http/client-address";

interface RouteModule {
  loader?: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
}

/**
 * Serves route modules' loaders and actions over real HTTP with the production server's trust-proxy setting and
 * load context (server/main.ts), so a test sees the client address the portal would see.
 */
export async function serveRoutes(routes: { path: string; module: RouteModule }[]) {
  const app = express();
  app.set("trust proxy", TRUST_PROXY);
  for (const route of routes) {
    app.all(route.path, (req, res) => {
      const handler = req.method === "GET" ? route.module.loader : route.module.action;
      if (!handler) return void res.status(405).end();
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", async () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
        const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
        const request = new Request(`http://${req.headers.host}${req.originalUrl}`, { method: req.method, headers, body });
        try {
          const result = await handler({ request, params: req.params as Record<string, string>, context: { ...connectionContext(req) } });
          if (result instanceof Response) return void res.status(result.status).end(await result.text());
          res.status(200).json(result ?? null);
        } catch (thrown) {
          if (thrown instanceof Response) return void res.status(thrown.status).end();
          res.status(500).end(String(thrown));
        }
      });
    });
  }
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (server.address() as AddressInfo).port;
  return {
    /** A request from a chosen local address (127.0.0.x), with optional headers and a urlencoded body. */
    request(path: string, options: { from?: string; headers?: Record<string, string>; form?: Record<string, string> } = {}) {
      return new Promise<number>((resolve, reject) => {
        const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
        const request = http.request(
          {
            host: "127.0.0.1",
            port,
            path,
            method: body === undefined ? "GET" : "POST",
            localAddress: options.from ?? "127.0.0.1",
            headers: { ...options.headers, ...(body === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) }) },
            agent: false,
          },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          },
        );
        request.on("error", reject);
        request.end(body);
      });
    },
  };
}
