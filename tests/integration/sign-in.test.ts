import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { DEMO_PASSWORD } from "../../db/seed/demo";
import { grantRole, revokeRole, signIn } from "~/data/users.server";
import { verifyAuditLog } from "~/data/audit.server";
import { freshDemoDatabase } from "./database";

describe("sign-in", async () => {
  const { db } = await freshDemoDatabase();
  const now = new Date("2026-11-23T02:00:00Z");
  const origin = { clientAddress: "198.51.100.20" };

  it("accepts a username or an officer's NIP with the right password", async () => {
    expect((await signIn(db, "admin", DEMO_PASSWORD, now, origin)).ok).toBe(true);
    const supervisor = await db
      .selectFrom("users")
      .innerJoin("officers", "officers.id", "users.officer_id")
      .select("officers.nip")
      .where("users.username", "=", "supervisor")
      .executeTakeFirstOrThrow();
    const spaced = `${supervisor.nip.slice(0, 8)} ${supervisor.nip.slice(8, 14)} ${supervisor.nip.slice(14)}`;
    expect((await signIn(db, spaced, DEMO_PASSWORD, now, origin)).ok).toBe(true);
  });

  it("answers an unknown account exactly as it answers a wrong password", async () => {
    expect(await signIn(db, "nobody-here", DEMO_PASSWORD, now, origin)).toEqual({ ok: false });
    expect(await signIn(db, "petugas", "wrong", now, origin)).toEqual({ ok: false });
  });

  it("locks the account for 15 minutes after five wrong passwords, even for the right one", async () => {
    for (let i = 0; i < 5; i++) await signIn(db, "moderator", "wrong", now, origin);
    expect((await signIn(db, "moderator", DEMO_PASSWORD, now, origin)).ok).toBe(false);
    const later = new Date(now.getTime() + 15 * 60_000 + 1);
    expect((await signIn(db, "moderator", DEMO_PASSWORD, later, origin)).ok).toBe(true);
  });
});

describe("role changes", async () => {
  const { db } = await freshDemoDatabase();

  it("are written to a hash-chained audit log with before and after", async () => {
    const admin = await db.selectFrom("users").select("id").where("username", "=", "admin").executeTakeFirstOrThrow();
    const petugas = await db.selectFrom("users").select("id").where("username", "=", "petugas").executeTakeFirstOrThrow();
    const unit = await db.selectFrom("units").select("id").where("kind", "=", "puskesmas").orderBy("id").executeTakeFirstOrThrow();
    await grantRole(db, { actorUserId: admin.id, userId: petugas.id, role: "moderator", unitId: unit.id });
    await revokeRole(db, { actorUserId: admin.id, userId: petugas.id, role: "moderator", unitId: unit.id });

    const entries = await db.selectFrom("audit_log").selectAll().where("action", "like", "role.%").orderBy("id").execute();
    expect(entries.map((e) => e.action)).toEqual(["role.grant", "role.revoke"]);
    expect(entries[0]!.after).toContain(`moderator@${unit.id}`);
    expect(entries[1]!.before).toContain(`moderator@${unit.id}`);
    expect(entries[1]!.prev_hash).toBe(entries[0]!.hash);
    expect(entries[0]!.actor_user_id).toBe(admin.id);
  });

  it("cannot be edited or deleted afterwards", async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it("names the entry a database owner altered behind the trigger's back", async () => {
    const first = await db.selectFrom("audit_log").select("id").where("action", "=", "role.grant").orderBy("id").executeTakeFirstOrThrow();
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
    await sql`update audit_log set action = 'role.tampered' where id = ${first.id}`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
    expect(await verifyAuditLog(db)).toEqual({ ok: false, brokenAt: first.id, reason: "altered" });
  });
});
