import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { adminQuery, databaseUrl, startTestPostgres } from "../support/postgres";
import { DEMO_TEMPLATE, templatesAreReady } from "../support/test-run";
import { databaseUrlFile, E2E_BASE_PORT, E2E_SERVER_ENV, E2E_WORKERS } from "./support/servers";

// One PostgreSQL for the run; the demo is seeded once into a template (or `npm test` has seeded it for every
// runner), and every worker gets a server of its own on a copy of it, so workers never see each other's writes.
export default async function globalSetup() {
  const postgres = await startTestPostgres();
  const template = templatesAreReady() ? DEMO_TEMPLATE : "suara_e2e_template";
  if (!templatesAreReady()) {
    await adminQuery(postgres.adminUrl, `drop database if exists ${template}`);
    await adminQuery(postgres.adminUrl, `create database ${template}`);
    execFileSync("node", ["--import", "tsx", "tests/e2e/support/prepare-template.ts"], {
      env: { ...process.env, ...E2E_SERVER_ENV, TEMPLATE_URL: databaseUrl(postgres.adminUrl, template) },
      stdio: "inherit",
    });
  }

  mkdirSync(".data", { recursive: true });
  const servers: ChildProcess[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map(stopServer));
    await postgres.stop();
  };
  try {
    for (let index = 0; index < E2E_WORKERS; index++) {
      const port = E2E_BASE_PORT + index;
      const name = `suara_e2e_${index}`;
      await adminQuery(postgres.adminUrl, `drop database if exists ${name} with (force)`);
      await adminQuery(postgres.adminUrl, `create database ${name} template ${template}`);
      const url = databaseUrl(postgres.adminUrl, name);
      writeFileSync(databaseUrlFile(port), url);
      servers.push(
        spawn("node", ["--import", "tsx", "tests/e2e/serve.ts"], {
          env: { ...process.env, E2E_PORT: String(port), E2E_DATABASE_URL: url },
          stdio: ["ignore", "inherit", "inherit"],
        }),
      );
    }
    await Promise.all(servers.map((_, index) => waitForServer(E2E_BASE_PORT + index)));
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}

async function waitForServer(port: number, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The e2e server on port ${port} did not start within ${timeoutMs / 1000} s`);
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => server.kill("SIGKILL"), 10_000);
    server.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    server.kill("SIGTERM");
  });
}
