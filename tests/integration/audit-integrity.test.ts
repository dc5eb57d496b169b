import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql, type Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/schema";
import { verifyAuditLog } from "~/data/audit.server";
import { checkpointFile, latestCheckpoint, writeAuditCheckpoint } from "~/data/audit-checkpoint.server";
import { grantRole, revokeRole } from "~/data/users.server";
import { entryHash } from "~/domain/audit-chain";
import { auditKey } from "~/platform/keyed-hash.server";
import { freshDemoDatabase } from "./database";

const run = promisify(execFile);

/** What a database owner can do behind the append-only trigger. */
async function behindTheTrigger(db: Kysely<Database>, statement: ReturnType<typeof sql>) {
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  await statement.execute(db);
  await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
}

async function someEntries(db: Kysely<Database>, times: number) {
  const admin = await db.selectFrom("users").select("id").where("username", "=", "admin").executeTakeFirstOrThrow();
  const petugas = await db.selectFrom("users").select("id").where("username", "=", "petugas").executeTakeFirstOrThrow();
  const unit = await db.selectFrom("units").select("id").orderBy("id").executeTakeFirstOrThrow();
  for (let i = 0; i < times; i++) {
    await grantRole(db, { actorUserId: admin.id, userId: petugas.id, role: "moderator", unitId: unit.id });
    await revokeRole(db, { actorUserId: admin.id, userId: petugas.id, role: "moderator", unitId: unit.id });
  }
}

/** npm run audit:verify as an operator runs it, against this database; resolves to the exit code. */
async function auditVerifyExitCode(url: string, dataDir: string): Promise<number> {
  try {
    await run("node", ["--import", "tsx", "db/cli/audit-verify.ts"], { env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, AUDIT_KEY: auditKey() } });
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
}

describe("the audit log's keyed chain", async () => {
  const { db } = await freshDemoDatabase();
  await someEntries(db, 2);

  it("verifies with the key and fails with any other", async () => {
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
    expect(await verifyAuditLog(db, { key: "another-key-of-the-same-length-0123456789" })).toMatchObject({ ok: false, reason: "altered" });
  });

  it("catches an owner who rewrites an entry and re-chains everything after it without the key", async () => {
    const rows = await db.selectFrom("audit_log").selectAll().orderBy("id").execute();
    const victim = rows[rows.length - 2]!;
    // The forger recomputes plain sha256 links, as the log used to be hashed.
    const payload = { at: victim.at.toISOString(), actorUserId: victim.actor_user_id, action: "role.tampered", subjectType: victim.subject_type, subjectId: victim.subject_id, before: victim.before, after: victim.after };
    const forged = entryHash(victim.prev_hash, payload);
    await behindTheTrigger(db, sql`update audit_log set action = 'role.tampered', hash = ${forged} where id = ${victim.id}`);
    expect(await verifyAuditLog(db)).toEqual({ ok: false, brokenAt: victim.id, reason: "unkeyed_after_keyed" });
  });
});

describe("the audit log's checkpoint outside the database", async () => {
  const { db, url } = await freshDemoDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "suara-audit-"));
  const file = checkpointFile(dataDir);
  await someEntries(db, 3);

  it("catches deleting the newest entries, which the chain alone cannot", async () => {
    const checkpoint = await writeAuditCheckpoint(db, file, auditKey(), new Date("2026-11-23T02:00:00Z"));
    expect(await latestCheckpoint(file)).toEqual(checkpoint);
    expect(await verifyAuditLog(db, { checkpointFile: file })).toMatchObject({ ok: true });
    expect(await auditVerifyExitCode(url, dataDir)).toBe(0);

    await behindTheTrigger(db, sql`delete from audit_log where id in (select id from audit_log order by id desc limit 2)`);
    // The remaining chain is whole: only the checkpoint shows the cut.
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
    expect(await verifyAuditLog(db, { checkpointFile: file })).toEqual({ ok: false, brokenAt: checkpoint!.id, reason: "tail_removed" });
    expect(await auditVerifyExitCode(url, dataDir)).toBe(1);
  });

  it("writes one checkpoint per new head and refuses one signed with another key", async () => {
    await someEntries(db, 1);
    const first = await writeAuditCheckpoint(db, file, auditKey(), new Date());
    const again = await writeAuditCheckpoint(db, file, auditKey(), new Date());
    expect(again).toEqual(first);
    expect(await verifyAuditLog(db, { checkpointFile: file, key: auditKey() })).toMatchObject({ ok: true });
    await someEntries(db, 1);
    await writeAuditCheckpoint(db, file, "a-key-that-is-not-the-portals-0123456789", new Date());
    expect(await verifyAuditLog(db, { checkpointFile: file })).toMatchObject({ ok: false, reason: "checkpoint_forged" });
  });
});

describe("db:rollups --check-only", async () => {
  const { db, url } = await freshDemoDatabase();

  it("exits 1 when the rollups disagree with the raw ratings, 0 when they agree", async () => {
    const exitCode = async () => {
      try {
        await run("node", ["--import", "tsx", "db/cli/rollups.ts", "--check-only"], { env: { ...process.env, DATABASE_URL: url } });
        return 0;
      } catch (error) {
        return (error as { code?: number }).code ?? -1;
      }
    };
    expect(await exitCode()).toBe(0);
    await sql`update rating_daily set n = n + 1 where ctid = (select ctid from rating_daily limit 1)`.execute(db);
    expect(await exitCode()).toBe(1);
  });
});
