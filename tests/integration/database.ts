import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDatabase } from "../../db/connect";
import { adminQuery, databaseUrl } from "../support/postgres";
import { TEMPLATE_DATABASE } from "./global-setup";

/** A fresh database for this test file, copied from the migrated template and dropped afterwards. */
export async function freshDatabase() {
  const adminUrl = inject("pgAdminUrl");
  const name = `suara_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name} template ${TEMPLATE_DATABASE}`);
  const url = databaseUrl(adminUrl, name);
  const db = createDatabase(url, 4);
  afterAll(async () => {
    await db.destroy();
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  });
  return { db, url };
}
