import { sql, type Kysely } from "kysely";
import type { Database, Role } from "../../db/schema";
import { AFTER_SUCCESS, LOCK_MINUTES, MAX_FAILED_ATTEMPTS } from "~/domain/sign-in-lockout";
import { decoyPasswordHash, verifyPassword } from "~/platform/password.server";
import type { RoleGrant } from "~/domain/access/grants";
import { revokeWouldOrphan } from "./accounts.server";
import { appendAudit } from "./audit.server";
import { hitLimit, LIMITS, refundHit } from "./rate-limits.server";
import { containing, searchWords } from "./text-search.server";
import { pageFromDatabase, pageOf, type Paged } from "~/domain/paging";

/** A user's roles, each with the unit it covers (and that unit's subtree, by its path). */
export async function roleGrantsOf(db: Kysely<Database>, userId: number): Promise<RoleGrant[]> {
  return db
    .selectFrom("user_roles")
    .innerJoin("units", "units.id", "user_roles.unit_id")
    .select(["user_roles.role", "user_roles.unit_id as unitId", "units.path as unitPath"])
    .where("user_roles.user_id", "=", userId)
    .execute();
}

export type SignInResult = { ok: true; userId: number } | { ok: false; reason?: "rate_limited" };

/**
 * Checks a NIP-or-username and password. Every failure looks the same to the caller (unknown account,
 * wrong password, locked), so the answer never tells whether an account exists; only the per-address limit
 * (password spraying across accounts) says so, since it is about the address, not the account.
 *
 * The attempt is counted before the password is checked, in one conditional update, so parallel guesses
 * cannot all read "not locked": at most MAX_FAILED_ATTEMPTS of them reach the password check. A locked account
 * is checked against a decoy hash, so it answers in the same time as an open one.
 */
export async function signIn(db: Kysely<Database>, identifier: string, password: string, now: Date, origin: { clientAddress: string | null }): Promise<SignInResult> {
  const perAddress = await hitLimit(db, LIMITS.signIn, origin.clientAddress, now);
  if (!perAddress.allowed) {
    await verifyPassword(await decoyPasswordHash(), password);
    return { ok: false, reason: "rate_limited" };
  }
  const compact = identifier.replace(/\s+/g, "").toLowerCase();
  const byNip = /^\d{18}$/.test(compact);
  const user = await db
    .selectFrom("users")
    .leftJoin("officers", "officers.id", "users.officer_id")
    .select(["users.id", "users.password_hash"])
    .where("users.active", "=", true)
    .where(byNip ? "officers.nip" : "users.username", "=", compact)
    .executeTakeFirst();

  // An account awaiting activation has no password: it fails like an unknown one, in the same time.
  const counted = user && user.password_hash !== null ? await countAttempt(db, user.id, now) : false;
  if (!user || user.password_hash === null || !counted) {
    await verifyPassword(await decoyPasswordHash(), password);
    return { ok: false };
  }
  if (await verifyPassword(user.password_hash, password)) {
    await db
      .updateTable("users")
      .set({ failed_attempts: AFTER_SUCCESS.failedAttempts, locked_until: AFTER_SUCCESS.lockedUntil })
      .where("id", "=", user.id)
      .execute();
    // The per-address limit counts failures: a staff member signing in many times a day is never stopped.
    await refundHit(db, LIMITS.signIn, origin.clientAddress, now);
    return { ok: true, userId: user.id };
  }
  return { ok: false };
}

/**
 * Counts one attempt on an account unless it is locked (afterFailedAttempt's rule, as one statement: the fifth
 * attempt locks the account). False when the account is locked and the password must not be checked.
 */
async function countAttempt(db: Kysely<Database>, userId: number, now: Date): Promise<boolean> {
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const reaching = sql<boolean>`users.failed_attempts + 1 >= ${MAX_FAILED_ATTEMPTS}`;
  const row = await db
    .updateTable("users")
    .set({
      failed_attempts: sql<number>`case when ${reaching} then 0 else users.failed_attempts + 1 end`,
      locked_until: sql<Date | null>`case when ${reaching} then ${lockUntil}::timestamptz else null end`,
    })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export interface GrantChange {
  actorUserId: number;
  userId: number;
  role: Role;
  unitId: number;
}

/** Gives a role on a unit (and its subtree); written to the audit log in the same transaction. */
export async function grantRole(db: Kysely<Database>, change: GrantChange): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await rolesSnapshot(trx, change.userId);
    await trx
      .insertInto("user_roles")
      .values({ user_id: change.userId, role: change.role, unit_id: change.unitId })
      .onConflict((oc) => oc.columns(["user_id", "role", "unit_id"]).doNothing())
      .execute();
    const after = await rolesSnapshot(trx, change.userId);
    await appendAudit(trx, {
      actorUserId: change.actorUserId,
      action: "role.grant",
      subjectType: "user",
      subjectId: change.userId,
      before,
      after,
    });
  });
}

export type RevokeOutcome = { ok: true } | { ok: false; reason: "last_administrator" };

/** Takes a role away; never an agency's last active administrator's admin role. */
export async function revokeRole(db: Kysely<Database>, change: GrantChange): Promise<RevokeOutcome> {
  return db.transaction().execute(async (trx) => {
    const grant = await trx
      .selectFrom("user_roles")
      .select("id")
      .where("user_id", "=", change.userId)
      .where("role", "=", change.role)
      .where("unit_id", "=", change.unitId)
      .executeTakeFirst();
    if (!grant) return { ok: true } as const;
    if (change.role === "admin" && (await revokeWouldOrphan(trx, grant.id))) return { ok: false, reason: "last_administrator" } as const;
    const before = await rolesSnapshot(trx, change.userId);
    await trx
      .deleteFrom("user_roles")
      .where("user_id", "=", change.userId)
      .where("role", "=", change.role)
      .where("unit_id", "=", change.unitId)
      .execute();
    const after = await rolesSnapshot(trx, change.userId);
    await appendAudit(trx, {
      actorUserId: change.actorUserId,
      action: "role.revoke",
      subjectType: "user",
      subjectId: change.userId,
      before,
      after,
    });
    return { ok: true } as const;
  });
}

async function rolesSnapshot(db: Kysely<Database>, userId: number) {
  const rows = await db
    .selectFrom("user_roles")
    .select(["role", "unit_id"])
    .where("user_id", "=", userId)
    .orderBy("role")
    .orderBy("unit_id")
    .execute();
  return rows.map((row) => `${row.role}@${row.unit_id}`);
}

export interface RoleGrantRow {
  userId: number;
  username: string | null;
  displayName: string;
  nip: string | null;
  role: Role;
  unitId: number;
  unitName: string;
}

/** The role grants on units inside these paths, narrowed by the words of a name, a sign-in name or a NIP. */
function grantsMatching(db: Kysely<Database>, unitPaths: readonly string[], search: string) {
  let query = db
    .selectFrom("user_roles")
    .innerJoin("users", "users.id", "user_roles.user_id")
    .innerJoin("units", "units.id", "user_roles.unit_id")
    .leftJoin("officers", "officers.id", "users.officer_id")
    .where((eb) => eb.or(unitPaths.map((path) => eb("units.path", "like", `${path}%`))));
  for (const word of searchWords(search)) {
    const pattern = containing(word);
    const digits = word.replace(/[\s.]/g, "");
    query = query.where((eb) =>
      eb.or([eb(sql`lower(users.display_name)`, "like", pattern), eb("users.username", "like", pattern), ...(/^\d+$/.test(digits) ? [eb("officers.nip", "like", `%${digits}%`)] : [])]),
    );
  }
  return query
    .select(["users.id as userId", "users.username", "users.display_name as displayName", "officers.nip", "user_roles.role", "units.id as unitId", "units.name as unitName"])
    .orderBy("users.display_name")
    .orderBy("users.id")
    .orderBy("user_roles.role")
    .orderBy("units.name")
    .orderBy("units.id");
}

/** Every role grant on units inside these paths, by user. */
export async function usersWithin(db: Kysely<Database>, unitPaths: string[]): Promise<RoleGrantRow[]> {
  if (unitPaths.length === 0) return [];
  return grantsMatching(db, unitPaths, "").execute();
}

/** One page of the role grants on units inside these paths, searched, counted and cut in the database. */
export async function usersWithinPage(db: Kysely<Database>, unitPaths: string[], search: string, page: number, pageSize: number): Promise<Paged<RoleGrantRow>> {
  if (unitPaths.length === 0) return pageOf([], page, pageSize);
  const matching = grantsMatching(db, unitPaths, search);
  return pageFromDatabase(
    page,
    pageSize,
    async () => (await matching.clearSelect().clearOrderBy().select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n,
    (limit, offset) => matching.limit(limit).offset(offset).execute(),
  );
}

/** One role grant, with the names the confirmation of its revocation shows; undefined when there is none. */
export async function roleGrantRow(db: Kysely<Database>, userId: number, role: Role, unitId: number): Promise<RoleGrantRow | undefined> {
  return db
    .selectFrom("user_roles")
    .innerJoin("users", "users.id", "user_roles.user_id")
    .innerJoin("units", "units.id", "user_roles.unit_id")
    .leftJoin("officers", "officers.id", "users.officer_id")
    .select(["users.id as userId", "users.username", "users.display_name as displayName", "officers.nip", "user_roles.role", "units.id as unitId", "units.name as unitName"])
    .where("user_roles.user_id", "=", userId)
    .where("user_roles.role", "=", role)
    .where("user_roles.unit_id", "=", unitId)
    .executeTakeFirst();
}

/** The account a sign-in name or an officer's NIP names (spaces ignored, case-insensitive), if any. */
export async function userIdByUsernameOrNip(db: Kysely<Database>, identifier: string): Promise<number | undefined> {
  const compact = identifier.replace(/\s+/g, "").toLowerCase();
  const row = await db
    .selectFrom("users")
    .leftJoin("officers", "officers.id", "users.officer_id")
    .select("users.id")
    .where((eb) => eb.or([eb("users.username", "=", compact), eb("officers.nip", "=", compact)]))
    .executeTakeFirst();
  return row?.id;
}
