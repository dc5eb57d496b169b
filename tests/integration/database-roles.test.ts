import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../db/connect";
import { portalRoleProblem } from "../../db/roles";
import { prepareDatabase } from "../../server/bootstrap";
import { verifyAuditLog } from "~/data/audit.server";
import { submitComplaint } from "~/data/complaints/intake.server";
import { reviewRating } from "~/data/contests.server";
import { rebuildRollups } from "~/data/indicators.server";
import { freshDemoDatabase } from "./database";

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "suara-roles-"));

// The portal connects with a role that owns no table; the owner migrates and grants (server/bootstrap.ts). Whoever
// takes over the portal's connection can read and write rows, but cannot switch off the audit log's append-only
// trigger, change its entries, or alter the schema.
describe("the portal's database role", async () => {
  const { db: owner, url } = await freshDemoDatabase();
  const role = `suara_portal_${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await prepareDatabase(owner, { demo: false, log: { info: () => {}, warn: () => {} }, setupBaseUrl: "http://portal.test", now: new Date(), portal: { role, password } });
  const portalUrl = new URL(url);
  portalUrl.username = role;
  portalUrl.password = password;
  const portal = createDatabase(portalUrl.toString(), 2);
  afterAll(async () => {
    await portal.destroy();
    await sql`drop owned by ${sql.id(role)}`.execute(owner);
    await sql`drop role ${sql.id(role)}`.execute(owner);
  });

  it("owns no table and is no superuser, unlike the owner", async () => {
    expect(await portalRoleProblem(portal)).toBeNull();
    expect(await portalRoleProblem(owner)).toMatch(/superuser|owns/);
  });

  it.each([
    ["disable the audit log's append-only trigger", "alter table audit_log disable trigger audit_log_no_update", /must be owner/],
    ["disable every trigger of the complaint events", "alter table complaint_events disable trigger all", /must be owner/],
    ["replace the trigger function", "create or replace function audit_log_is_append_only() returns trigger language plpgsql as $$ begin return null; end $$", /must be owner|permission denied/],
    ["rewrite an audit entry", "update audit_log set action = 'forged' where id = (select min(id) from audit_log)", /permission denied/],
    ["delete the newest audit entries", "delete from audit_log where id > (select max(id) - 3 from audit_log)", /permission denied/],
    ["delete a complaint's history", "delete from complaint_events", /permission denied/],
    ["empty the ratings", "truncate ratings", /permission denied/],
    ["drop a table", "drop table ratings cascade", /must be owner/],
    ["add a column", "alter table ratings add column forged int", /must be owner/],
    ["create a table", "create table public.shadow (id int)", /permission denied/],
    ["mark a migration as applied", "insert into kysely_migration (name, timestamp) values ('9999_x', 'now')", /permission denied/],
  ])("cannot %s", async (_what, statement, refusal) => {
    const before = (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(owner)).rows[0]!.n;
    await expect(sql.raw(statement).execute(portal)).rejects.toThrow(refusal);
    expect((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(owner)).rows[0]!.n).toBe(before);
    expect((await verifyAuditLog(owner)).ok).toBe(true);
  });

  it("does the portal's work: files a complaint, reviews a rating with its audit entry, adds a rating, rebuilds the rollups", async () => {
    const unit = await portal.selectFrom("units").innerJoin("agencies", "agencies.id", "units.agency_id").select(["units.id", "units.path", "units.agency_id"]).where("agencies.slug", "=", "kota-pariaman").where("units.slug", "=", "dinas-kependudukan-dan-pencatatan-sipil").executeTakeFirstOrThrow();
    const filed = await submitComplaint(portal, { unitId: unit.id, category: "pengaduan", body: "Antrean tidak dipanggil sesuai nomor.", visitDate: "2030-11-20", visibility: "anonim", attachments: [] }, new Date("2030-11-25T02:00:00Z"));
    expect(filed.ok).toBe(true);
    const counter = await portal.selectFrom("counter_services").innerJoin("counters", "counters.id", "counter_services.counter_id").select(["counters.id", "counter_services.service_id"]).where("counters.unit_id", "=", unit.id).executeTakeFirstOrThrow();
    const held = await portal
      .insertInto("ratings")
      .values({ agency_id: unit.agency_id, unit_id: unit.id, counter_id: counter.id, service_id: counter.service_id, channel: "qr", kind: "quick", quick_score: 4, idempotency_key: crypto.randomUUID(), content_hash: "t", status: "flagged" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const supervisor = await portal.selectFrom("users").select("id").where("username", "=", "supervisor").executeTakeFirstOrThrow();
    expect(await reviewRating(portal, { ratingId: held.id, decision: "keep", reason: "Wajar", userId: supervisor.id, unitPath: unit.path })).toEqual({ ok: true });
    await rebuildRollups(portal);
    expect((await verifyAuditLog(portal)).ok).toBe(true);
  });
});
