import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { sql } from "kysely";
import { prepareDatabase } from "../../server/bootstrap";
import { checkPasswordStrength } from "../../app/auth/password-strength.server";
import { completeSetup, hashSecret, issueSetupLink, setupLinkState } from "../../app/data/installation.server";
import { signIn } from "../../app/data/users.server";
import { firstAdministratorSchema } from "../../app/domain/installation";
import { createDatabase } from "../../db/connect";
import { MIGRATIONS } from "../../db/migrations/index";
import { adminQuery, databaseUrl } from "../support/postgres";
import { freshDatabase } from "./database";

const HOUR = 3_600_000;
const start = new Date("2026-12-01T02:00:00Z");
const origin = { clientAddress: "198.51.100.7" };

function installer(overrides: Record<string, string> = {}) {
  return firstAdministratorSchema.parse({
    agencyName: "Pemerintah Kabupaten Contoh",
    agencySlug: "kab-contoh",
    province: "Sumatera Barat",
    timeZone: "Asia/Jakarta",
    displayName: "Rina Wulandari",
    username: "rina.admin",
    password: "sawah hijau di tepi danau",
    passwordConfirm: "sawah hijau di tepi danau",
    ...overrides,
  });
}

describe("the first administrator's set-up link", async () => {
  const { db } = await freshDatabase();

  it("is stored only as its hash and opens the set-up page for 24 hours", async () => {
    const issued = await issueSetupLink(db, start);
    expect(issued.kind).toBe("issued");
    if (issued.kind !== "issued") return;
    expect(issued.token.length).toBeGreaterThanOrEqual(40);
    const rows = await db.selectFrom("setup_tokens").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashSecret(issued.token));
    expect(JSON.stringify(rows)).not.toContain(issued.token);
    expect((await setupLinkState(db, issued.token, new Date(start.getTime() + 24 * HOUR - 1000))).kind).toBe("valid");
    expect((await setupLinkState(db, issued.token, new Date(start.getTime() + 24 * HOUR))).kind).toBe("expired");
    expect((await setupLinkState(db, "not-a-token", start)).kind).toBe("unknown");
  });

  it("is replaced by a new one at the next start, and the old one dies", async () => {
    const first = await issueSetupLink(db, new Date(start.getTime() + HOUR));
    const second = await issueSetupLink(db, new Date(start.getTime() + 2 * HOUR));
    if (first.kind !== "issued" || second.kind !== "issued") throw new Error("links expected");
    const at = new Date(start.getTime() + 2 * HOUR + 60_000);
    expect((await setupLinkState(db, first.token, at)).kind).toBe("revoked");
    expect((await setupLinkState(db, second.token, at)).kind).toBe("valid");
  });

  it("cannot complete the set-up once expired, and nothing is stored", async () => {
    const issued = await issueSetupLink(db, new Date(start.getTime() + 10 * HOUR));
    if (issued.kind !== "issued") throw new Error("link expected");
    const late = new Date(start.getTime() + 34 * HOUR + 1000);
    expect(await completeSetup(db, issued.token, installer(), late)).toEqual({ ok: false, reason: "link_invalid" });
    expect(await db.selectFrom("agencies").select("id").execute()).toHaveLength(0);
    expect(await db.selectFrom("users").select("id").execute()).toHaveLength(0);
  });

  it("creates the agency, its top unit and the administrator in one go, then is dead", async () => {
    const at = new Date(start.getTime() + 40 * HOUR);
    const issued = await issueSetupLink(db, at);
    if (issued.kind !== "issued") throw new Error("link expected");
    const outcome = await completeSetup(db, issued.token, installer(), at);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;

    const agency = await db.selectFrom("agencies").selectAll().executeTakeFirstOrThrow();
    expect(agency).toMatchObject({ name: "Pemerintah Kabupaten Contoh", slug: "kab-contoh", province: "Sumatera Barat", time_zone: "Asia/Jakarta", public_min_surveys: 30 });
    const root = await db.selectFrom("units").selectAll().where("id", "=", outcome.rootUnitId).executeTakeFirstOrThrow();
    expect(root).toMatchObject({ agency_id: agency.id, parent_id: null, kind: "pemda", path: `/${root.id}/` });
    const grants = await db.selectFrom("user_roles").select(["role", "unit_id"]).where("user_id", "=", outcome.userId).execute();
    expect(grants).toEqual([{ role: "admin", unit_id: root.id }]);
    const user = await db.selectFrom("users").selectAll().where("id", "=", outcome.userId).executeTakeFirstOrThrow();
    expect(user.platform_admin).toBe(true);
    expect(user.password_hash).not.toContain("sawah");
    const audit = await db.selectFrom("audit_log").select(["action", "subject_type"]).execute();
    expect(audit).toContainEqual({ action: "installation.setup", subject_type: "agency" });

    expect((await signIn(db, "rina.admin", "sawah hijau di tepi danau", at, origin)).ok).toBe(true);
    expect((await setupLinkState(db, issued.token, at)).kind).toBe("used");
    expect(await completeSetup(db, issued.token, installer({ agencySlug: "lain", username: "lain.admin" }), at)).toEqual({ ok: false, reason: "link_invalid" });
    expect(await issueSetupLink(db, new Date(at.getTime() + HOUR))).toEqual({ kind: "administrator_exists" });
  });

  it("does not let the demo password in, neither as a sign-in nor as a new password", async () => {
    expect((await signIn(db, "admin", "Suara-Demo-2026", start, origin)).ok).toBe(false);
    expect((await signIn(db, "rina.admin", "Suara-Demo-2026", start, origin)).ok).toBe(false);
    expect(checkPasswordStrength("Suara-Demo-2026", []).ok).toBe(false);
  });
});

describe("the set-up of a database whose address name or username is taken", async () => {
  const { db } = await freshDatabase();

  it("names the field and keeps the link usable", async () => {
    await db.insertInto("agencies").values({ slug: "kab-contoh", name: "Kabupaten Lain", province: "Bali" }).execute();
    await db.insertInto("users").values({ username: "rina.admin", display_name: "Bukan admin", password_hash: null }).execute();
    const issued = await issueSetupLink(db, start);
    if (issued.kind !== "issued") throw new Error("link expected");
    expect(await completeSetup(db, issued.token, installer(), start)).toMatchObject({ ok: false, field: "agencySlug", error: "accounts.errors.slugTaken" });
    expect(await completeSetup(db, issued.token, installer({ agencySlug: "kab-baru" }), start)).toMatchObject({ ok: false, field: "username", error: "accounts.errors.usernameTaken" });
    expect((await setupLinkState(db, issued.token, start)).kind).toBe("valid");
    expect(await db.selectFrom("agencies").select("slug").execute()).toEqual([{ slug: "kab-contoh" }]);
  });

  it("refuses a sign-in to an account awaiting activation, whatever is typed", async () => {
    expect((await signIn(db, "rina.admin", "", start, origin)).ok).toBe(false);
    expect((await signIn(db, "rina.admin", "sawah hijau di tepi danau", start, origin)).ok).toBe(false);
  });
});

describe("processes starting together on an empty database", () => {
  it("migrate once and print one set-up link between them", async () => {
    const adminUrl = inject("pgAdminUrl");
    const name = `suara_start_${randomBytes(4).toString("hex")}`;
    await adminQuery(adminUrl, `create database ${name}`);
    const handles = [0, 1, 2].map(() => createDatabase(databaseUrl(adminUrl, name), 2));
    const lines: string[] = [];
    const log = { info: (...args: unknown[]) => void lines.push(String(args.at(-1))), warn: (...args: unknown[]) => void lines.push(String(args.at(-1))) };
    try {
      await Promise.all(handles.map((db) => prepareDatabase(db, { demo: false, log: log as never, setupBaseUrl: "https://suara.example.go.id", now: new Date() })));
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handles[0]!);
      expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS).sort());
      expect(lines.filter((line) => line.startsWith("Applied "))).toHaveLength(1);
      const links = lines.filter((line) => line.includes("https://suara.example.go.id/penyiapan/"));
      expect(links).toHaveLength(1);
      expect(lines.filter((line) => line.includes("another process printed the set-up link"))).toHaveLength(2);
      expect(await handles[0]!.selectFrom("agencies").select("id").execute()).toHaveLength(0);
    } finally {
      await Promise.all(handles.map((db) => db.destroy()));
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    }
  });
});
