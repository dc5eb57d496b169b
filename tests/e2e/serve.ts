// Serves the production build for the end-to-end tests, on a fresh database of its own.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { adminQuery, databaseUrl, startTestPostgres } from "../support/postgres";

const server = await startTestPostgres();
const name = `suara_e2e_${randomBytes(4).toString("hex")}`;
await adminQuery(server.adminUrl, `create database ${name}`);
process.on("exit", () => void server.stop());
// Tests that need the database directly (to run a job at a chosen time, say) read its address here.
mkdirSync(".data", { recursive: true });
writeFileSync(`.data/e2e-${process.env.E2E_PORT ?? "3100"}.url`, databaseUrl(server.adminUrl, name));

Object.assign(process.env, {
  DATABASE_URL: databaseUrl(server.adminUrl, name),
  PORT: process.env.E2E_PORT ?? "3100",
  HOST: "127.0.0.1",
  NODE_ENV: "production",
  COOKIE_SECURE: "false",
  SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
  HASH_SALT: "e2e-hash-salt-0123456789",
  LOG_LEVEL: "warn",
});
await import("../../server/main");
