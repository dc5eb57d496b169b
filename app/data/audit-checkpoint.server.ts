import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { signCheckpoint, type AuditCheckpoint } from "~/domain/audit-chain";

// Signed checkpoints of the audit log's head, one JSON line each, appended to a file under DATA_DIR (outside the
// database, so deleting the newest entries is caught). The file can be copied off the machine as it is.

export function checkpointFile(dataDir: string): string {
  return path.resolve(dataDir, "audit-checkpoints.jsonl");
}

/** Appends a signed checkpoint of the current head, unless the latest one already names it. */
export async function writeAuditCheckpoint(db: Kysely<Database>, file: string, key: string, now: Date): Promise<AuditCheckpoint | null> {
  const head = await db.selectFrom("audit_log").select(["id", "hash"]).orderBy("id", "desc").limit(1).executeTakeFirst();
  if (!head) return null;
  const latest = await latestCheckpoint(file);
  if (latest?.id === head.id && latest.hash === head.hash) return latest;
  const { count } = await db.selectFrom("audit_log").select((eb) => eb.fn.countAll<string>().as("count")).where("id", "<=", head.id).executeTakeFirstOrThrow();
  const checkpoint = signCheckpoint({ id: head.id, hash: head.hash, count: Number(count), at: now.toISOString() }, key);
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  return checkpoint;
}

/** The newest checkpoint in the file, or null when there is none yet. */
export async function latestCheckpoint(file: string): Promise<AuditCheckpoint | null> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  const last = text.trimEnd().split("\n").at(-1);
  if (!last) return null;
  const parsed = JSON.parse(last) as AuditCheckpoint;
  return parsed;
}
