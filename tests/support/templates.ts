import { createDatabase } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seed/demo";
import { adminQuery, databaseUrl } from "./postgres";
import { DEMO_TEMPLATE, SCHEMA_TEMPLATE } from "./test-run";

/**
 * Makes the two templates (CREATE DATABASE … TEMPLATE later copies them as files, far cheaper than seeding 20,000
 * ratings for each test file).
 */
export async function prepareTemplates(adminUrl: string): Promise<void> {
  for (const name of [DEMO_TEMPLATE, SCHEMA_TEMPLATE]) await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  await adminQuery(adminUrl, `create database ${SCHEMA_TEMPLATE}`);
  const schemaOnly = createDatabase(databaseUrl(adminUrl, SCHEMA_TEMPLATE), 1);
  try {
    await migrateToLatest(schemaOnly);
  } finally {
    await schemaOnly.destroy();
  }
  await adminQuery(adminUrl, `create database ${DEMO_TEMPLATE} template ${SCHEMA_TEMPLATE}`);
  const demo = createDatabase(databaseUrl(adminUrl, DEMO_TEMPLATE), 4);
  try {
    await seedDemo(demo);
  } finally {
    await demo.destroy();
  }
}
