import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDatabase } from "../../db/connect";
import { adminQuery, databaseUrl } from "../support/postgres";
import { DEMO_TEMPLATE_DATABASE, TEMPLATE_DATABASE } from "./global-setup";

/** A fresh, empty database for this test file, copied from the migrated template and dropped afterwards. */
export function freshDatabase() {
  return copyOf(TEMPLATE_DATABASE);
}

/** A fresh database holding the demo data (seeded once per run into a template), dropped afterwards. */
export function freshDemoDatabase() {
  return copyOf(DEMO_TEMPLATE_DATABASE);
}

async function copyOf(template: string) {
  const adminUrl = inject("pgAdminUrl");
  const name = `suara_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name} template ${template}`);
  const url = databaseUrl(adminUrl, name);
  const db = createDatabase(url, 4);
  afterAll(async () => {
    await db.destroy();
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  });
  return { db, url };
}
