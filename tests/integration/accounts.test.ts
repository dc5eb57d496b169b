import { describe, expect, it } from "vitest";
import { accountForAdmin, accountsWithin, changeOwnPassword, codeHolder, createAccount, issueAccountCode, issueActivationSheet, redeemAccountCode, setAccountActive } from "~/data/accounts.server";
import { completeSetup } from "~/data/installation.server";
import { importOrganisation } from "~/data/org-import.server";
import { grantRole, revokeRole, signIn } from "~/data/users.server";
import { verifyAuditLog } from "~/data/audit.server";
import { newAccountSchema, normaliseCode } from "~/domain/accounts";
import { firstAdministratorSchema } from "~/domain/installation";
import { readImportPath } from "~/exports/org-import-files.server";
import { freshDatabase } from "./database";

const NOW = new Date("2026-12-02T03:00:00Z");
const DAY = 86_400_000;
const origin = { clientAddress: "198.51.100.44" };
const ADMIN_PASSWORD = "sawah hijau di tepi danau";

describe("staff accounts from creation to deactivation", async () => {
  const { db } = await freshDatabase();
  const setup = await completeSetup(
    db,
    null,
    firstAdministratorSchema.parse({ agencyName: "Pemerintah Kabupaten Contoh", agencySlug: "kab-contoh", province: "Sumatera Barat", timeZone: "Asia/Jakarta", displayName: "Rina Wulandari", username: "rina.admin", password: ADMIN_PASSWORD, passwordConfirm: ADMIN_PASSWORD }),
    NOW,
  );
  if (!setup.ok) throw new Error("set-up failed");
  const adminId = setup.userId;
  const rootPath = `/${setup.rootUnitId}/`;
  const read = await readImportPath("docs/examples/organisasi");
  if (!read.ok) throw new Error("example unreadable");
  const imported = await importOrganisation(db, { agency: { slug: "kab-contoh", name: "Pemerintah Kabupaten Contoh", zone: "Asia/Jakarta" }, files: read.files, retireMissing: false, dryRun: false, actorUserId: adminId, source: "example", now: NOW });
  if (!imported.ok) throw new Error("import failed");

  it("gives every imported officer an account awaiting activation, which cannot sign in", async () => {
    const awaiting = await accountsWithin(db, [rootPath], { q: "", status: "awaiting_activation" });
    const officers = await db.selectFrom("officers").select("nip").execute();
    expect(awaiting.length).toBe(officers.length);
    expect(awaiting.every((row) => row.nip !== null && row.roles.some((role) => role.role === "officer"))).toBe(true);
    expect((await signIn(db, awaiting[0]!.nip!, "", NOW, origin)).ok).toBe(false);
  });

  it("makes an account by hand with the role the administrator chose, awaiting activation", async () => {
    expect(newAccountSchema.safeParse({ displayName: "Budi", username: "budi.loket", unitId: String(setup.rootUnitId), role: "" }).success).toBe(false);
    const created = await createAccount(db, adminId, newAccountSchema.parse({ displayName: "Budi Santoso", username: "budi.loket", email: "budi@contoh.go.id", role: "complaint_handler", unitId: String(setup.rootUnitId) }));
    expect(created.ok).toBe(true);
    const again = await createAccount(db, adminId, newAccountSchema.parse({ displayName: "Budi Lain", username: "budi.loket", role: "officer", unitId: String(setup.rootUnitId) }));
    expect(again).toEqual({ ok: false, field: "username", error: "accounts.errors.usernameTaken" });
    const officerWithAccount = await db.selectFrom("officers").select("nip").executeTakeFirstOrThrow();
    const taken = await createAccount(db, adminId, newAccountSchema.parse({ displayName: "X", username: "x.loket", nip: officerWithAccount.nip, role: "officer", unitId: String(setup.rootUnitId) }));
    expect(taken).toEqual({ ok: false, field: "nip", error: "accounts.errors.nipHasAccount" });
    const root = await db.selectFrom("units").select("name").where("id", "=", setup.rootUnitId).executeTakeFirstOrThrow();
    const rows = await accountsWithin(db, [rootPath], { q: "budi.loket", status: null });
    expect(rows).toEqual([expect.objectContaining({ username: "budi.loket", status: "awaiting_activation", roles: [{ role: "complaint_handler", unitName: root.name }] })]);
  });

  it("activates with a one-time code and the officer's own password; the code then is dead", async () => {
    const budi = await db.selectFrom("users").select("id").where("username", "=", "budi.loket").executeTakeFirstOrThrow();
    const first = await issueAccountCode(db, adminId, budi.id, NOW);
    const second = await issueAccountCode(db, adminId, budi.id, NOW);
    if (!first.ok || !second.ok) throw new Error("codes expected");
    expect(second.issued.purpose).toBe("activation");
    // Only the hash is kept; the newer code replaces the older one.
    const stored = await db.selectFrom("account_codes").select("code_hash").where("user_id", "=", budi.id).execute();
    expect(JSON.stringify(stored)).not.toContain(first.issued.code);
    expect(await codeHolder(db, first.issued.code, NOW)).toBeUndefined();
    const typed = second.issued.code.toLowerCase().replace(/(.{4})/g, "$1 ");
    const code = normaliseCode(typed)!;
    expect(await codeHolder(db, code, NOW)).toMatchObject({ userId: budi.id, purpose: "activation", displayName: "Budi Santoso" });
    expect(await redeemAccountCode(db, code, "kopi tubruk pagi di pasar atas", NOW)).toEqual({ ok: true, userId: budi.id });
    expect(await redeemAccountCode(db, code, "another strong phrase for me", NOW)).toEqual({ ok: false });
    expect((await signIn(db, "budi.loket", "kopi tubruk pagi di pasar atas", NOW, origin)).ok).toBe(true);
    expect((await accountForAdmin(db, budi.id, NOW))?.status).toBe("active");
  });

  it("refuses an expired code", async () => {
    const someone = (await accountsWithin(db, [rootPath], { q: "", status: "awaiting_activation" }))[0]!;
    const issued = await issueAccountCode(db, adminId, someone.userId, NOW);
    if (!issued.ok) throw new Error("code expected");
    const late = new Date(NOW.getTime() + 15 * DAY);
    expect(await codeHolder(db, issued.issued.code, late)).toBeUndefined();
    expect(await redeemAccountCode(db, issued.issued.code, "kopi tubruk pagi di pasar atas", late)).toEqual({ ok: false });
  });

  it("lets a signed-in user change the password after the current one; other sessions end", async () => {
    const budi = await db.selectFrom("users").select("id").where("username", "=", "budi.loket").executeTakeFirstOrThrow();
    await db.insertInto("sessions").values([{ id: "keep-me", user_id: budi.id, expires_at: new Date(NOW.getTime() + DAY) }, { id: "other-device", user_id: budi.id, expires_at: new Date(NOW.getTime() + DAY) }]).execute();
    expect(await changeOwnPassword(db, budi.id, "wrong", "teh manis hangat di sore hari", "keep-me", NOW)).toEqual({ ok: false, field: "current", reason: "wrong" });
    expect(await changeOwnPassword(db, budi.id, "kopi tubruk pagi di pasar atas", "teh manis hangat di sore hari", "keep-me", NOW)).toEqual({ ok: true });
    expect((await db.selectFrom("sessions").select("id").where("user_id", "=", budi.id).execute()).map((row) => row.id)).toEqual(["keep-me"]);
    expect((await signIn(db, "budi.loket", "kopi tubruk pagi di pasar atas", NOW, origin)).ok).toBe(false);
    expect((await signIn(db, "budi.loket", "teh manis hangat di sore hari", NOW, origin)).ok).toBe(true);
  });

  it("stops guesses of the current password after 5 wrong ones in 15 minutes, even with the right one", async () => {
    const account = await createAccount(db, adminId, newAccountSchema.parse({ displayName: "Tamu Penebak", username: "tamu.penebak", role: "officer", unitId: String(setup.rootUnitId) }));
    if (!account.ok) throw new Error("account expected");
    const code = await issueAccountCode(db, adminId, account.userId, NOW);
    if (!code.ok) throw new Error("code expected");
    expect((await redeemAccountCode(db, code.issued.code, "kopi tubruk pagi di pasar atas", NOW)).ok).toBe(true);
    const right = "kopi tubruk pagi di pasar atas";
    // A success is refunded: changing one's password often is never stopped.
    for (let i = 0; i < 6; i++) {
      const next = i % 2 === 0 ? "teh manis hangat di sore hari" : right;
      const previous = i % 2 === 0 ? right : "teh manis hangat di sore hari";
      expect(await changeOwnPassword(db, account.userId, previous, next, null, NOW)).toEqual({ ok: true });
    }
    for (let i = 0; i < 5; i++) expect(await changeOwnPassword(db, account.userId, `tebakan-${i}`, "teh manis hangat di sore hari", null, NOW)).toEqual({ ok: false, field: "current", reason: "wrong" });
    const stopped = await changeOwnPassword(db, account.userId, right, "teh manis hangat di sore hari", null, NOW);
    expect(stopped).toMatchObject({ ok: false, field: "current", reason: "rate_limited" });
    expect(await signIn(db, "tamu.penebak", "teh manis hangat di sore hari", NOW, origin)).toEqual({ ok: false });
    // The next window lets the right password through again.
    const later = new Date(NOW.getTime() + 16 * 60_000);
    expect(await changeOwnPassword(db, account.userId, right, "teh manis hangat di sore hari", null, later)).toEqual({ ok: true });
  });

  it("an administrator's reset: the old password stops working at once, sessions end, the reset code sets a new one", async () => {
    const budi = await db.selectFrom("users").select("id").where("username", "=", "budi.loket").executeTakeFirstOrThrow();
    const reset = await issueAccountCode(db, adminId, budi.id, NOW);
    if (!reset.ok) throw new Error("code expected");
    expect(reset.issued.purpose).toBe("reset");
    expect((await signIn(db, "budi.loket", "teh manis hangat di sore hari", NOW, origin)).ok).toBe(false);
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", budi.id).execute()).toEqual([]);
    expect(await redeemAccountCode(db, reset.issued.code, "jembatan kayu di kampung lama", NOW)).toEqual({ ok: true, userId: budi.id });
    expect((await signIn(db, "budi.loket", "jembatan kayu di kampung lama", NOW, origin)).ok).toBe(true);
  });

  it("deactivation ends sessions and sign-in, reactivation restores the same password", async () => {
    const budi = await db.selectFrom("users").select("id").where("username", "=", "budi.loket").executeTakeFirstOrThrow();
    await db.insertInto("sessions").values({ id: "budi-desk", user_id: budi.id, expires_at: new Date(NOW.getTime() + DAY) }).execute();
    expect(await setAccountActive(db, adminId, budi.id, false, NOW)).toEqual({ ok: true });
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", budi.id).execute()).toEqual([]);
    expect((await signIn(db, "budi.loket", "jembatan kayu di kampung lama", NOW, origin)).ok).toBe(false);
    expect(await issueAccountCode(db, adminId, budi.id, NOW)).toEqual({ ok: false, reason: "deactivated" });
    expect(await setAccountActive(db, adminId, budi.id, true, NOW)).toEqual({ ok: true });
    expect((await signIn(db, "budi.loket", "jembatan kayu di kampung lama", NOW, origin)).ok).toBe(true);
  });

  it("never removes or deactivates the agency's last administrator", async () => {
    expect(await setAccountActive(db, adminId, adminId, false, NOW)).toEqual({ ok: false, reason: "last_administrator" });
    expect(await revokeRole(db, { actorUserId: adminId, userId: adminId, role: "admin", unitId: setup.rootUnitId })).toEqual({ ok: false, reason: "last_administrator" });
    const budi = await db.selectFrom("users").select("id").where("username", "=", "budi.loket").executeTakeFirstOrThrow();
    await grantRole(db, { actorUserId: adminId, userId: budi.id, role: "admin", unitId: setup.rootUnitId });
    // With a second active administrator the first may go; then the second is the last.
    expect(await revokeRole(db, { actorUserId: budi.id, userId: adminId, role: "admin", unitId: setup.rootUnitId })).toEqual({ ok: true });
    expect(await setAccountActive(db, adminId, budi.id, false, NOW)).toEqual({ ok: false, reason: "last_administrator" });
    await grantRole(db, { actorUserId: budi.id, userId: adminId, role: "admin", unitId: setup.rootUnitId });
  });

  it("prints a sheet of activation codes only for accounts awaiting activation, each one working", async () => {
    const all = await accountsWithin(db, [rootPath], { q: "", status: null });
    const sheet = await issueActivationSheet(db, adminId, all.map((row) => row.userId), NOW);
    const awaiting = all.filter((row) => row.status === "awaiting_activation");
    expect(sheet.map((entry) => entry.userId).sort()).toEqual(awaiting.map((row) => row.userId).sort());
    expect(sheet.every((entry) => entry.purpose === "activation" && entry.nip !== null)).toBe(true);
    expect(new Set(sheet.map((entry) => entry.code)).size).toBe(sheet.length);
    const first = sheet[0]!;
    expect(await redeemAccountCode(db, first.code, "kereta malam menuju padang", NOW)).toEqual({ ok: true, userId: first.userId });
    expect((await signIn(db, first.nip!, "kereta malam menuju padang", NOW, origin)).ok).toBe(true);
  });

  it("writes every change to the audit log", async () => {
    const actions = (await db.selectFrom("audit_log").select("action").where("action", "like", "account.%").execute()).map((row) => row.action);
    for (const action of ["account.create", "account.activation_code", "account.activate", "account.password_change", "account.reset", "account.password_reset", "account.deactivate", "account.reactivate"]) expect(actions).toContain(action);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });
});
