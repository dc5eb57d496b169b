import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/support/chromium";
import { E2E_WORKERS, workerPort } from "./tests/e2e/support/servers";

// End-to-end tests run the production build. The global set-up seeds the demo once into a template database and
// starts one server per worker on its own copy; this file is loaded again in each worker, which then points its
// pages at its own server.
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${workerPort()}`,
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions(),
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
  },
});
