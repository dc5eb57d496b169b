import { TEST_SECRETS } from "../../support/test-run";
// Each Playwright worker talks to its own server (and database): server i listens on the base port + i.
export const E2E_BASE_PORT = Number(process.env.E2E_PORT ?? 3100);

/** Parallel workers; the default keeps both cores of a small machine busy while browsers wait. */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2) || 2);

/** The port of the server that belongs to the current worker (the main process counts as worker 0). */
export function workerPort(): number {
  return E2E_BASE_PORT + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
}

/** Where a server's database address is written, for tests that read what was stored. */
export function databaseUrlFile(port: number): string {
  return `.data/e2e-${port}.url`;
}

/** The settings every e2e server runs with (and the demo template is seeded with). */
export const E2E_SERVER_ENV = {
  HOST: "127.0.0.1",
  NODE_ENV: "production",
  COOKIE_SECURE: "false",
  ...TEST_SECRETS,
  LOG_LEVEL: "warn",
} as const;
