// Migrates the database at TEMPLATE_URL and writes the demo data into it, once per end-to-end run.
import { createDatabase } from "../../../db/connect";
import { migrateToLatest } from "../../../db/migrate";
import { seedDemo } from "../../../db/seed/demo";

const db = createDatabase(process.env.TEMPLATE_URL!, 4);
try {
  await migrateToLatest(db);
  await seedDemo(db);
} finally {
  await db.destroy();
}
