import type { TestProject } from "vitest/node";
import { createDatabase } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seed/demo";
import { adminQuery, databaseUrl, startTestPostgres } from "../support/postgres";

export const TEMPLATE_DATABASE = "suara_test_template";
export const DEMO_TEMPLATE_DATABASE = "suara_test_demo_template";

// One server for the run and two templates made once: the migrated schema, and the schema with the demo data.
// Each test file copies one of them into its own database (CREATE DATABASE … TEMPLATE is a file copy, far
// cheaper than seeding 20,000 ratings again).
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  for (const name of [DEMO_TEMPLATE_DATABASE, TEMPLATE_DATABASE]) await adminQuery(server.adminUrl, `drop database if exists ${name}`);
  await adminQuery(server.adminUrl, `create database ${TEMPLATE_DATABASE}`);
  const schemaOnly = createDatabase(databaseUrl(server.adminUrl, TEMPLATE_DATABASE), 1);
  await migrateToLatest(schemaOnly);
  await schemaOnly.destroy();

  await adminQuery(server.adminUrl, `create database ${DEMO_TEMPLATE_DATABASE} template ${TEMPLATE_DATABASE}`);
  const demo = createDatabase(databaseUrl(server.adminUrl, DEMO_TEMPLATE_DATABASE), 4);
  await seedDemo(demo);
  await demo.destroy();

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
