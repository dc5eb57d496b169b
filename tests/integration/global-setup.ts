import type { TestProject } from "vitest/node";
import { createDatabase } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import { adminQuery, databaseUrl, startTestPostgres } from "../support/postgres";

export const TEMPLATE_DATABASE = "suara_test_template";

// One server for the run, one migrated template; each test file copies the template into its own database.
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  await adminQuery(server.adminUrl, `drop database if exists ${TEMPLATE_DATABASE}`);
  await adminQuery(server.adminUrl, `create database ${TEMPLATE_DATABASE}`);
  const db = createDatabase(databaseUrl(server.adminUrl, TEMPLATE_DATABASE), 1);
  await migrateToLatest(db);
  await db.destroy();
  project.provide("pgAdminUrl", server.adminUrl);
  return async () => {
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
