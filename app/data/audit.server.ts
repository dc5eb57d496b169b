import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { entryHash, GENESIS_HASH, verifyChain, verifyCheckpoint, type ChainVerification } from "~/domain/audit-chain";
import { auditKey } from "~/platform/keyed-hash.server";
import { latestCheckpoint } from "./audit-checkpoint.server";


export interface AuditEntry {
  actorUserId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends to the hash-chained audit log. Must run inside the transaction that makes the change, so the
 * entry and the change commit together; the advisory lock keeps concurrent writers in one chain.
 */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('audit_log'))`.execute(trx);
  const last = await trx.selectFrom("audit_log").select("hash").orderBy("id", "desc").limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const payload = auditPayload({ ...entry, at });
  await trx
    .insertInto("audit_log")
    .values({
      at,
      actor_user_id: entry.actorUserId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: String(entry.subjectId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      prev_hash: prevHash,
      hash: entryHash(prevHash, payload, auditKey()),
    })
    .execute();
}

/** The fields the hash covers, in the shape both the writer and the verifier build. */
export function auditPayload(row: AuditEntry & { at: Date }): Record<string, unknown> {
  return {
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: String(row.subjectId),
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

export async function auditTrail(db: Kysely<Database>, subjectType: string, subjectId: string | number) {
  return db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .select(["audit_log.id", "audit_log.at", "audit_log.action", "audit_log.before", "audit_log.after", "users.display_name as actor"])
    .where("subject_type", "=", subjectType)
    .where("subject_id", "=", String(subjectId))
    .orderBy("audit_log.id")
    .execute();
}

export type AuditVerification = ChainVerification | { ok: false; brokenAt: number; reason: "checkpoint_forged" | "tail_removed" };

/**
 * Re-reads the whole log and checks every link and HMAC, naming the first entry that does not fit; then, given the
 * checkpoint file, that the log still reaches the head the latest signed checkpoint saw (deleted newest entries).
 */
export async function verifyAuditLog(db: Kysely<Database>, options: { key?: string; checkpointFile?: string } = {}): Promise<AuditVerification> {
  const key = options.key ?? auditKey();
  const rows = await db.selectFrom("audit_log").selectAll().orderBy("id").execute();
  const entries = rows.map((row) => ({
    id: row.id,
    prevHash: row.prev_hash,
    hash: row.hash,
    ...auditPayload({
      at: row.at,
      actorUserId: row.actor_user_id,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      before: row.before,
      after: row.after,
    }),
  }));
  const chain = verifyChain(entries, GENESIS_HASH, key);
  if (!chain.ok || !options.checkpointFile) return chain;
  const checkpoint = await latestCheckpoint(options.checkpointFile);
  if (!checkpoint) return chain;
  const index = rows.findIndex((row) => row.id === checkpoint.id);
  const outcome = verifyCheckpoint(checkpoint, key, index === -1 ? undefined : rows[index], index + 1);
  return outcome.ok ? chain : { ok: false, brokenAt: checkpoint.id, reason: outcome.reason };
}
