import { createDatabase } from "../connect";
import { migrateToLatest } from "../migrate";
import { withDatabase } from "./with-database";

// `npm run db:migrate`: brings the schema to the latest migration.
await withDatabase(async (url) => {
  const db = createDatabase(url, 1);
  try {
    const { results } = await migrateToLatest(db);
    for (const result of results ?? []) console.log(`${result.status}: ${result.migrationName}`);
    if (!results?.length) console.log("Schema already up to date.");
  } finally {
    await db.destroy();
  }
});
