// Serves the production build (the compiled server, as `npm start` runs it) with the demo data for the end-to-end
// tests. The run's global set-up gives each server a copy of the demo template (E2E_DATABASE_URL); started alone,
// it makes a throwaway PostgreSQL and database of its own.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { adminQuery, databaseUrl, startTestPostgres } from "../support/postgres";
import { databaseUrlFile, E2E_SERVER_ENV } from "./support/servers";

const port = process.env.E2E_PORT ?? "3100";
let url = process.env.E2E_DATABASE_URL;
if (!url) {
  const server = await startTestPostgres();
  const name = `suara_e2e_${randomBytes(4).toString("hex")}`;
  await adminQuery(server.adminUrl, `create database ${name}`);
  process.on("exit", () => void server.stop());
  url = databaseUrl(server.adminUrl, name);
  // Tests that need the database directly (to run a job at a chosen time, say) read its address here.
  mkdirSync(".data", { recursive: true });
  writeFileSync(databaseUrlFile(Number(port)), url);
}

// The server runs as production does: the owner (the test cluster's superuser) migrates, the portal connects with
// a role that owns no table, so every e2e test also checks that the portal's rights suffice.
const portalRole = "suara_e2e_portal";
await adminQuery(url, `do $$ begin create role ${portalRole} login password '${portalRole}'; exception when duplicate_object or unique_violation then null; end $$`);
const portalUrl = new URL(url);
portalUrl.username = portalRole;
portalUrl.password = portalRole;
Object.assign(process.env, { ...E2E_SERVER_ENV, DATABASE_OWNER_URL: url, DATABASE_URL: portalUrl.toString(), PORT: port, SUARA_DEMO: "1" });
const compiled = path.resolve(process.env.SUARA_BUILD_DIR ?? "build", "server/main.js");
if (!existsSync(compiled)) throw new Error(`No compiled server at ${compiled}: run \`npm run build\` first`);
await import(pathToFileURL(compiled).href);
