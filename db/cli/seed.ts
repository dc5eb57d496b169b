import { parseArgs } from "node:util";
import { createDatabase } from "../connect";
import { migrateToLatest } from "../migrate";
import { seedDemo } from "../seed/demo";
import { seedRatings } from "../seed/ratings";
import { withDatabase } from "./with-database";

// `npm run db:seed [-- --ratings N [--years Y]]`: the demo governments (idempotent), and optionally N generated ratings.
const { values } = parseArgs({ options: { ratings: { type: "string" }, years: { type: "string", default: "3" } } });
const ratings = values.ratings === undefined ? 0 : Number(values.ratings.replace(/[_,.]/g, ""));
if (!Number.isSafeInteger(ratings) || ratings < 0) {
  console.error(`--ratings must be a whole number, got "${values.ratings}"`);
  process.exit(1);
}

await withDatabase(async (url) => {
  const db = createDatabase(url, 4);
  try {
    await migrateToLatest(db);
    const wrote = await seedDemo(db);
    console.log(wrote ? "Demo data written." : "Demo data was already there; nothing changed.");
    if (ratings > 0) {
      const started = Date.now();
      const to = new Date();
      await seedRatings(db, {
        count: ratings,
        from: new Date(to.getTime() - Number(values.years) * 365 * 86_400_000),
        to,
        seed: Date.now() % 100_000,
        batchSize: 20_000,
        onProgress: (written, total) => {
          const width = 30;
          const done = Math.round((written / total) * width);
          const rate = Math.round(written / ((Date.now() - started) / 1000));
          process.stderr.write(`\r[${"#".repeat(done)}${".".repeat(width - done)}] ${((written / total) * 100).toFixed(1)}% ${written.toLocaleString("en")} ratings, ${rate.toLocaleString("en")}/s   `);
        },
      });
      process.stderr.write("\n");
      console.log(`Wrote ${ratings.toLocaleString("en")} ratings and rebuilt the rollups in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
  } finally {
    await db.destroy();
  }
});
