import { createDatabase } from "../connect";
import { verifyAuditLog } from "../../app/data/audit.server";
import { withDatabase } from "./with-database";

// `npm run audit:verify`: exit 0 when the audit log's hash chain is intact, 1 naming the first broken entry.
await withDatabase(async (url) => {
  const db = createDatabase(url, 1);
  try {
    const result = await verifyAuditLog(db);
    if (result.ok) {
      console.log(`Audit log intact: ${result.count} entries verified.`);
    } else {
      console.error(`Audit log broken at entry ${result.brokenAt}: ${result.reason === "altered" ? "its content was altered" : "an entry before it was deleted, moved or rewritten"}.`);
      process.exitCode = 1;
    }
  } finally {
    await db.destroy();
  }
});
