import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase } from "../connect";
import { verifyAuditLog } from "../../app/data/audit.server";
import { checkpointFile, latestCheckpoint, writeAuditCheckpoint } from "../../app/data/audit-checkpoint.server";
import { parseEnv } from "../../app/platform/env.server";
import { auditKey } from "../../app/platform/keyed-hash.server";
import { runCommand } from "./with-database";

// `npm run audit:verify [-- --checkpoint] [-- --export]`: exit 0 when every audit entry's HMAC and link hold and the
// log still reaches the head of the latest signed checkpoint (DATA_DIR/audit-checkpoints.jsonl); 1 naming the first
// broken entry otherwise. --checkpoint writes a checkpoint of the current head; --export prints the latest one.
const { values } = parseArgs({ options: { checkpoint: { type: "boolean", default: false }, export: { type: "boolean", default: false } } });
const settings = parseEnv(process.env);
// A single machine keeps its generated key in the data folder (server/bootstrap.ts); use the same one.
const localSecrets = path.join(settings.DATA_DIR, "local-secrets.json");
if (!settings.AUDIT_KEY && existsSync(localSecrets)) {
  const key = (JSON.parse(readFileSync(localSecrets, "utf8")) as { AUDIT_KEY?: string }).AUDIT_KEY;
  if (key) process.env.AUDIT_KEY = key;
}
const file = checkpointFile(settings.DATA_DIR);

const REASONS: Record<string, string> = {
  altered: "its content was altered",
  missing_or_reordered: "an entry before it was deleted, moved or rewritten",
  unkeyed_after_keyed: "it was written without the audit key",
  tail_removed: "entries up to this checkpointed one were deleted or rewritten",
  checkpoint_forged: "the latest checkpoint's signature does not match the audit key",
};

await runCommand(async (url) => {
  const db = createDatabase(url, 1);
  try {
    if (values.export) {
      console.log(JSON.stringify(await latestCheckpoint(file)));
      return 0;
    }
    const result = await verifyAuditLog(db, { checkpointFile: file });
    if (!result.ok) {
      console.error(`Audit log broken at entry ${result.brokenAt}: ${REASONS[result.reason] ?? result.reason}.`);
      return 1;
    }
    console.log(`Audit log intact: ${result.count} entries verified.`);
    if (values.checkpoint) await writeAuditCheckpoint(db, file, auditKey(), new Date());
    return 0;
  } finally {
    await db.destroy();
  }
});
