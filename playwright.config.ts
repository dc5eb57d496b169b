import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/support/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// End-to-end tests run the production build against a fresh database with the demo data.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions(),
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
  },
  webServer: {
    command: "node --import tsx tests/e2e/serve.ts",
    url: `http://localhost:${PORT}/`,
    env: { ...(process.env as Record<string, string>), E2E_PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
