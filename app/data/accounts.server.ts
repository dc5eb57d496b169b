import { randomBytes } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, Role } from "../../db/schema";
import { ACCOUNT_CODE_DAYS, linkState } from "~/domain/installation";
import { accountStatus, agenciesLeftWithoutAdministrator, codeFromBytes, codePurposeFor, type AccountStatus, type AdministratorChange, type NewAccount } from "~/domain/accounts";
import { hashPassword, verifyPassword } from "~/platform/password.server";
import { appendAudit } from "./audit.server";
import { hitLimit, LIMITS, refundHit } from "./rate-limits.server";
import { hashSecret } from "./installation.server";
import { containing } from "./text-search.server";
import { pageFromDatabase, pageOf, type Paged } from "~/domain/paging";

// Staff accounts: made by an administrator, activated with a one-time code, reset, deactivated and reactivated;
// a signed-in user's own password change. Every command that changes an account opens one transaction and writes
// its audit entry in it. Codes are kept only as hashes: the plain code is returned once, to be shown or printed.

export interface AccountRow {
  userId: number;
  displayName: string;
  username: string | null;
  nip: string | null;
  email: string | null;
  status: AccountStatus;
  officerUnit: string | null;
  roles: { role: Role; unitName: string }[];
}

export interface AccountFilter {
  q: string;
  status: AccountStatus | null;
}

/** Accounts an administrator of these unit paths looks after: a role inside them, or an officer of a unit inside. */
function accountsMatching(db: Kysely<Database>, unitPaths: readonly string[], filter: AccountFilter) {
  const inPaths = (column: "units.path" | "ou.path") => sql<boolean>`(${sql.join(unitPaths.map((path) => sql`${sql.ref(column)} like ${`${path}%`}`), sql` or `)})`;
  let query = db
    .selectFrom("users")
    .leftJoin("officers", "officers.id", "users.officer_id")
    .leftJoin("units as ou", "ou.id", "officers.unit_id")
    .where((eb) =>
      eb.or([
        eb.and([eb("ou.id", "is not", null), inPaths("ou.path")]),
        eb.exists(eb.selectFrom("user_roles").innerJoin("units", "units.id", "user_roles.unit_id").select("user_roles.id").whereRef("user_roles.user_id", "=", "users.id").where(inPaths("units.path"))),
      ]),
    );
  const q = filter.q.trim().toLowerCase();
  if (q) {
    const like = containing(q);
    const compact = q.replace(/[\s.]+/g, "");
    query = query.where((eb) => eb.or([eb(sql`lower(users.display_name)`, "like", like), eb("users.username", "like", like), eb("officers.nip", "like", containing(compact))]));
  }
  if (filter.status === "deactivated") query = query.where("users.active", "=", false);
  if (filter.status === "active") query = query.where("users.active", "=", true).where("users.password_hash", "is not", null);
  if (filter.status === "awaiting_activation") query = query.where("users.active", "=", true).where("users.password_hash", "is", null);
  return query;
}

async function accountRows(db: Kysely<Database>, unitPaths: readonly string[], filter: AccountFilter, window?: { limit: number; offset: number }): Promise<AccountRow[]> {
  let query = accountsMatching(db, unitPaths, filter)
    .select(["users.id as userId", "users.display_name as displayName", "users.username", "officers.nip", "users.email", "users.active", "ou.name as officerUnit"])
    .select(sql<boolean>`users.password_hash is not null`.as("hasPassword"))
    .orderBy("users.display_name")
    .orderBy("users.id");
  if (window) query = query.limit(window.limit).offset(window.offset);
  const rows = await query.execute();
  const roles = rows.length
    ? await db
        .selectFrom("user_roles")
        .innerJoin("units", "units.id", "user_roles.unit_id")
        .select(["user_roles.user_id as userId", "user_roles.role", "units.name as unitName"])
        .where(
          "user_roles.user_id",
          "in",
          rows.map((row) => row.userId),
        )
        .orderBy("user_roles.role")
        .orderBy("units.name")
        .execute()
    : [];
  return rows.map((row) => ({
    userId: row.userId,
    displayName: row.displayName,
    username: row.username,
    nip: row.nip,
    email: row.email,
    status: accountStatus({ active: row.active, hasPassword: row.hasPassword }),
    officerUnit: row.officerUnit,
    roles: roles.filter((role) => role.userId === row.userId).map((role) => ({ role: role.role, unitName: role.unitName })),
  }));
}

/** Every account an administrator of these unit paths looks after that matches the filter, by name. */
export async function accountsWithin(db: Kysely<Database>, unitPaths: readonly string[], filter: AccountFilter): Promise<AccountRow[]> {
  if (unitPaths.length === 0) return [];
  return accountRows(db, unitPaths, filter);
}

/** One page of those accounts, counted and cut in the database. */
export async function accountsPage(db: Kysely<Database>, unitPaths: readonly string[], filter: AccountFilter, page: number, pageSize: number): Promise<Paged<AccountRow>> {
  if (unitPaths.length === 0) return pageOf([], page, pageSize);
  return pageFromDatabase(
    page,
    pageSize,
    async () => (await accountsMatching(db, unitPaths, filter).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n,
    (limit, offset) => accountRows(db, unitPaths, filter, { limit, offset }),
  );
}

/** One account for its administration page, with the unit paths that decide who may look after it. */
export async function accountForAdmin(db: Kysely<Database>, userId: number, now: Date) {
  const user = await db
    .selectFrom("users")
    .leftJoin("officers", "officers.id", "users.officer_id")
    .leftJoin("units", "units.id", "officers.unit_id")
    .select([
      "users.id",
      "users.display_name as displayName",
      "users.username",
      "users.email",
      "users.active",
      "users.password_changed_at as passwordChangedAt",
      "users.created_at as createdAt",
      "officers.nip",
      "officers.position",
      "units.name as officerUnit",
      "units.path as officerUnitPath",
    ])
    .select(sql<boolean>`users.password_hash is not null`.as("hasPassword"))
    .where("users.id", "=", userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const grants = await db
    .selectFrom("user_roles")
    .innerJoin("units", "units.id", "user_roles.unit_id")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select(["user_roles.id as grantId", "user_roles.role", "units.id as unitId", "units.name as unitName", "units.path as unitPath", "agencies.name as agencyName"])
    .where("user_roles.user_id", "=", userId)
    .orderBy("user_roles.role")
    .orderBy("units.name")
    .execute();
  const openCode = await db
    .selectFrom("account_codes")
    .select(["purpose", "created_at as createdAt", "expires_at as expiresAt"])
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  const { officerUnitPath, hasPassword, ...rest } = user;
  return {
    ...rest,
    hasPassword,
    status: accountStatus({ active: user.active, hasPassword }),
    grants,
    openCode: openCode ?? null,
    unitPaths: [...grants.map((grant) => grant.unitPath), ...(officerUnitPath ? [officerUnitPath] : [])],
  };
}
export type AccountDetail = NonNullable<Awaited<ReturnType<typeof accountForAdmin>>>;

export type CreateOutcome = { ok: true; userId: number } | { ok: false; field: "username" | "nip"; error: string };

/** A new account awaiting activation, with its first role on a unit (the role is always chosen, never assumed). */
export async function createAccount(db: Kysely<Database>, actorUserId: number, input: NewAccount): Promise<CreateOutcome> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom("units").select(["id", "agency_id"]).where("id", "=", input.unitId).executeTakeFirstOrThrow();
    if (await trx.selectFrom("users").select("id").where("username", "=", input.username).executeTakeFirst()) {
      return { ok: false, field: "username", error: "accounts.errors.usernameTaken" } as const;
    }
    let officerId: number | null = null;
    if (input.nip !== null) {
      const officer = await trx
        .selectFrom("officers")
        .leftJoin("users", "users.officer_id", "officers.id")
        .select(["officers.id", "users.id as userId"])
        .where("officers.nip", "=", input.nip)
        .where("officers.agency_id", "=", unit.agency_id)
        .executeTakeFirst();
      if (!officer) return { ok: false, field: "nip", error: "accounts.errors.nipUnknown" } as const;
      if (officer.userId !== null) return { ok: false, field: "nip", error: "accounts.errors.nipHasAccount" } as const;
      officerId = officer.id;
    }
    const user = await trx
      .insertInto("users")
      .values({ username: input.username, display_name: input.displayName, email: input.email, officer_id: officerId, password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("user_roles").values({ user_id: user.id, role: input.role, unit_id: input.unitId }).execute();
    await appendAudit(trx, {
      actorUserId,
      action: "account.create",
      subjectType: "user",
      subjectId: user.id,
      after: { username: input.username, displayName: input.displayName, email: input.email, nip: input.nip, roles: [`${input.role}@${input.unitId}`] },
    });
    return { ok: true, userId: user.id } as const;
  });
}

function newCode(): string {
  for (;;) {
    const code = codeFromBytes(randomBytes(24));
    if (code) return code;
  }
}

export interface IssuedCode {
  userId: number;
  code: string;
  purpose: "activation" | "reset";
  expiresAt: Date;
}

export type IssueOutcome = { ok: true; issued: IssuedCode } | { ok: false; reason: "deactivated" };

/**
 * A one-time code for an account: an activation code while it was never activated, else a reset code, for which
 * the old password stops working and every session of the account ends at once. Earlier open codes die.
 */
export async function issueAccountCode(db: Kysely<Database>, actorUserId: number, userId: number, now: Date): Promise<IssueOutcome> {
  return db.transaction().execute(async (trx) => {
    const issued = await issueIn(trx, actorUserId, userId, now);
    return issued ? ({ ok: true, issued } as const) : ({ ok: false, reason: "deactivated" } as const);
  });
}

async function issueIn(trx: Transaction<Database>, actorUserId: number, userId: number, now: Date): Promise<IssuedCode | null> {
  const user = await trx
    .selectFrom("users")
    .select(["id", "active", "password_changed_at as passwordChangedAt"])
    .select(sql<boolean>`password_hash is not null`.as("hasPassword"))
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!user.active) return null;
  const purpose = codePurposeFor(user);
  await trx.updateTable("account_codes").set({ revoked_at: now }).where("user_id", "=", userId).where("used_at", "is", null).where("revoked_at", "is", null).execute();
  if (purpose === "reset") {
    await trx.updateTable("users").set({ password_hash: null, failed_attempts: 0, locked_until: null }).where("id", "=", userId).execute();
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
  }
  const code = newCode();
  const expiresAt = new Date(now.getTime() + ACCOUNT_CODE_DAYS * 86_400_000);
  await trx.insertInto("account_codes").values({ user_id: userId, purpose, code_hash: hashSecret(code), created_by_user_id: actorUserId, created_at: now, expires_at: expiresAt }).execute();
  await appendAudit(trx, { actorUserId, action: purpose === "reset" ? "account.reset" : "account.activation_code", subjectType: "user", subjectId: userId, after: { expiresAt: expiresAt.toISOString() } });
  return { userId, code, purpose, expiresAt };
}

export interface SheetEntry extends IssuedCode {
  displayName: string;
  username: string | null;
  nip: string | null;
  unitName: string | null;
}

/**
 * Activation codes for many accounts awaiting activation at once (the printable sheet for officers without
 * e-mail), in one transaction. Accounts already activated or deactivated are left alone: a sheet never resets.
 */
export async function issueActivationSheet(db: Kysely<Database>, actorUserId: number, userIds: readonly number[], now: Date): Promise<SheetEntry[]> {
  if (userIds.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const accounts = await trx
      .selectFrom("users")
      .leftJoin("officers", "officers.id", "users.officer_id")
      .leftJoin("units", "units.id", "officers.unit_id")
      .select(["users.id", "users.display_name as displayName", "users.username", "officers.nip", "units.name as unitName"])
      .where("users.id", "in", [...userIds])
      .where("users.active", "=", true)
      .where("users.password_hash", "is", null)
      .where("users.password_changed_at", "is", null)
      .orderBy("units.name")
      .orderBy("users.display_name")
      .execute();
    const sheet: SheetEntry[] = [];
    for (const account of accounts) {
      const issued = await issueIn(trx, actorUserId, account.id, now);
      if (issued) sheet.push({ ...issued, displayName: account.displayName, username: account.username, nip: account.nip, unitName: account.unitName });
    }
    return sheet;
  });
}

/** Whose a typed code is, while it may still be used (for the activation page and the password check's words). */
export async function codeHolder(db: Kysely<Database>, code: string, now: Date) {
  const row = await db
    .selectFrom("account_codes")
    .innerJoin("users", "users.id", "account_codes.user_id")
    .leftJoin("officers", "officers.id", "users.officer_id")
    .select([
      "account_codes.id",
      "account_codes.purpose",
      "account_codes.expires_at as expiresAt",
      "account_codes.used_at as usedAt",
      "account_codes.revoked_at as revokedAt",
      "users.id as userId",
      "users.active",
      "users.display_name as displayName",
      "users.username",
      "officers.nip",
    ])
    .where("account_codes.code_hash", "=", hashSecret(code))
    .executeTakeFirst();
  if (!row || !row.active || linkState(row, now).kind !== "valid") return undefined;
  return { userId: row.userId, purpose: row.purpose, displayName: row.displayName, username: row.username, nip: row.nip };
}

export type RedeemOutcome = { ok: true; userId: number } | { ok: false };

/** Sets the account's password with a valid code and spends it; the code works once, whoever is faster. */
export async function redeemAccountCode(db: Kysely<Database>, code: string, password: string, now: Date): Promise<RedeemOutcome> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable("account_codes")
      .set({ used_at: now })
      .where("code_hash", "=", hashSecret(code))
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .where((eb) => eb.exists(eb.selectFrom("users").select("users.id").whereRef("users.id", "=", "account_codes.user_id").where("users.active", "=", true)))
      .returning(["user_id", "purpose"])
      .executeTakeFirst();
    if (!spent) return { ok: false } as const;
    await trx.updateTable("users").set({ password_hash: passwordHash, password_changed_at: now, failed_attempts: 0, locked_until: null }).where("id", "=", spent.user_id).execute();
    await trx.updateTable("account_codes").set({ revoked_at: now }).where("user_id", "=", spent.user_id).where("used_at", "is", null).where("revoked_at", "is", null).execute();
    await trx.deleteFrom("sessions").where("user_id", "=", spent.user_id).execute();
    await appendAudit(trx, { actorUserId: spent.user_id, action: spent.purpose === "reset" ? "account.password_reset" : "account.activate", subjectType: "user", subjectId: spent.user_id });
    return { ok: true, userId: spent.user_id } as const;
  });
}

/** The words of a signed-in user that a new password must not be made of. */
export async function personalWordsOf(db: Kysely<Database>, userId: number): Promise<string[]> {
  const row = await db
    .selectFrom("users")
    .leftJoin("officers", "officers.id", "users.officer_id")
    .select(["users.display_name", "users.username", "officers.nip"])
    .where("users.id", "=", userId)
    .executeTakeFirstOrThrow();
  return [row.display_name, row.username, row.nip].filter((word): word is string => word !== null);
}

export type PasswordChangeOutcome = { ok: true } | { ok: false; field: "current"; reason: "wrong" | "rate_limited"; retryAfterSeconds?: number };

/**
 * A signed-in user's new password, after the current one; every other session of the account ends. Guesses of the
 * current password are limited per account (LIMITS.passwordChange): each attempt counts, a success is refunded.
 */
export async function changeOwnPassword(db: Kysely<Database>, userId: number, current: string, next: string, keepSessionId: string | null, now: Date): Promise<PasswordChangeOutcome> {
  const subject = `user:${userId}`;
  const counted = await hitLimit(db, LIMITS.passwordChange, subject, now);
  if (!counted.allowed) return { ok: false, field: "current", reason: "rate_limited", retryAfterSeconds: counted.retryAfterSeconds };
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).where("active", "=", true).executeTakeFirst();
  if (!row?.password_hash || !(await verifyPassword(row.password_hash, current))) return { ok: false, field: "current", reason: "wrong" };
  await refundHit(db, LIMITS.passwordChange, subject, now);
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: passwordHash, password_changed_at: now }).where("id", "=", userId).execute();
    let others = trx.deleteFrom("sessions").where("user_id", "=", userId);
    if (keepSessionId) others = others.where("id", "!=", keepSessionId);
    await others.execute();
    await trx.updateTable("account_codes").set({ revoked_at: now }).where("user_id", "=", userId).where("used_at", "is", null).where("revoked_at", "is", null).execute();
    await appendAudit(trx, { actorUserId: userId, action: "account.password_change", subjectType: "user", subjectId: userId });
  });
  return { ok: true };
}

/** The administrators of the agencies a change touches, read under one lock so two changes cannot both pass. */
async function administratorCheck(trx: Transaction<Database>, change: AdministratorChange): Promise<number[]> {
  await sql`select pg_advisory_xact_lock(hashtext('suara:administrators'))`.execute(trx);
  const touched =
    change.kind === "revoke"
      ? trx.selectFrom("user_roles").innerJoin("units", "units.id", "user_roles.unit_id").select("units.agency_id").where("user_roles.id", "=", change.grantId).where("user_roles.role", "=", "admin")
      : trx.selectFrom("user_roles").innerJoin("units", "units.id", "user_roles.unit_id").select("units.agency_id").where("user_roles.user_id", "=", change.userId).where("user_roles.role", "=", "admin");
  const grants = await trx
    .selectFrom("user_roles")
    .innerJoin("units", "units.id", "user_roles.unit_id")
    .innerJoin("users", "users.id", "user_roles.user_id")
    .select(["user_roles.id as grantId", "user_roles.user_id as userId", "units.agency_id as agencyId", "users.active as userActive"])
    .where("user_roles.role", "=", "admin")
    .where("units.agency_id", "in", touched)
    .execute();
  return agenciesLeftWithoutAdministrator(grants, change);
}

export type ActiveOutcome = { ok: true } | { ok: false; reason: "last_administrator" };

/** Deactivates (every session ends, open codes die) or reactivates an account; never the agency's last administrator. */
export async function setAccountActive(db: Kysely<Database>, actorUserId: number, userId: number, active: boolean, now: Date): Promise<ActiveOutcome> {
  return db.transaction().execute(async (trx) => {
    if (!active && (await administratorCheck(trx, { kind: "deactivate", userId })).length > 0) return { ok: false, reason: "last_administrator" } as const;
    const before = await trx.selectFrom("users").select("active").where("id", "=", userId).forUpdate().executeTakeFirstOrThrow();
    if (before.active === active) return { ok: true } as const;
    await trx.updateTable("users").set({ active }).where("id", "=", userId).execute();
    if (!active) {
      await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
      await trx.updateTable("account_codes").set({ revoked_at: now }).where("user_id", "=", userId).where("used_at", "is", null).where("revoked_at", "is", null).execute();
    }
    await appendAudit(trx, { actorUserId, action: active ? "account.reactivate" : "account.deactivate", subjectType: "user", subjectId: userId, before: { active: before.active }, after: { active } });
    return { ok: true } as const;
  });
}

/** Whether taking this grant away would leave an agency without an active administrator. */
export async function revokeWouldOrphan(trx: Transaction<Database>, grantId: number): Promise<boolean> {
  return (await administratorCheck(trx, { kind: "revoke", grantId })).length > 0;
}
