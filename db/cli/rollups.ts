import { parseArgs } from "node:util";
import { createDatabase } from "../connect";
import { rebuildRollups, rollupDifferences } from "../../app/data/indicators.server";
import { runCommand } from "./with-database";

// `npm run db:rollups [-- --check-only]`: rebuilds the daily rating rollups from the raw table, then checks that
// rollups and raw agree (exit 1 naming the first differences if not).
const { values } = parseArgs({ options: { "check-only": { type: "boolean", default: false } } });

await runCommand(async (url) => {
  const db = createDatabase(url, 2);
  try {
    if (!values["check-only"]) {
      const started = Date.now();
      await rebuildRollups(db);
      console.log(`Rollups rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
    const differences = await rollupDifferences(db);
    if (differences.length === 0) {
      console.log("Rollups and raw ratings agree.");
      return 0;
    } else {
      for (const difference of differences.slice(0, 20)) console.error(`${difference.key}: ${difference.column} rollup ${difference.rollup}, raw ${difference.raw}`);
      return 1;
    }
  } finally {
    await db.destroy();
  }
});
