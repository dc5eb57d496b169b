import { createDatabase } from "../connect";
import { migrateToLatest } from "../migrate";
import { seedDemo } from "../seed/demo";
import { withDatabase } from "./with-database";

// `npm run db:seed`: writes the demo governments (idempotent).
await withDatabase(async (url) => {
  const db = createDatabase(url, 4);
  try {
    await migrateToLatest(db);
    const wrote = await seedDemo(db);
    console.log(wrote ? "Demo data written." : "Demo data was already there; nothing changed.");
  } finally {
    await db.destroy();
  }
});
