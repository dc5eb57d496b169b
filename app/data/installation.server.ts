import { createHash, randomBytes } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { hashPassword } from "~/platform/password.server";
import { linkState, SETUP_TOKEN_HOURS, type FirstAdministrator, type LinkState } from "~/domain/installation";
import { appendAudit } from "./audit.server";

// The first administrator of a real installation: a one-time set-up link (only its hash is stored), then the
// agency with its top unit and the administrator, made together, after which the link is dead.

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** True when some active account may administer: a platform administrator or an agency administrator. */
export async function administratorExists(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("users.id")
    .where("users.active", "=", true)
    .where((eb) =>
      eb.or([
        eb("users.platform_admin", "=", true),
        eb.exists(eb.selectFrom("user_roles").select("user_roles.id").whereRef("user_roles.user_id", "=", "users.id").where("user_roles.role", "=", "admin")),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export type SetupLinkIssue =
  | { kind: "issued"; token: string; expiresAt: Date }
  | { kind: "administrator_exists" }
  /** Another process starting at the same time printed a link a moment ago. */
  | { kind: "recently_issued"; at: Date };

const RECENT_MS = 30_000;

/**
 * At start-up of a database without an administrator: a new set-up link, replacing any earlier unused one.
 * Runs under an advisory lock, so processes starting together print one link between them.
 */
export async function issueSetupLink(db: Kysely<Database>, now: Date): Promise<SetupLinkIssue> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('suara:setup-link'))`.execute(trx);
    if (await administratorExists(trx)) return { kind: "administrator_exists" } as const;
    const recent = await trx
      .selectFrom("setup_tokens")
      .select("created_at")
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .where("created_at", ">", new Date(now.getTime() - RECENT_MS))
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    if (recent) return { kind: "recently_issued", at: recent.created_at } as const;
    await trx.updateTable("setup_tokens").set({ revoked_at: now }).where("used_at", "is", null).where("revoked_at", "is", null).execute();
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + SETUP_TOKEN_HOURS * 3_600_000);
    await trx.insertInto("setup_tokens").values({ token_hash: hashSecret(token), created_at: now, expires_at: expiresAt }).execute();
    return { kind: "issued", token, expiresAt } as const;
  });
}

/** Whether a set-up link opens the set-up page; "used" also once any administrator exists. */
export async function setupLinkState(db: Kysely<Database>, token: string, now: Date): Promise<LinkState | { kind: "unknown" }> {
  const row = await db
    .selectFrom("setup_tokens")
    .select(["expires_at as expiresAt", "used_at as usedAt", "revoked_at as revokedAt"])
    .where("token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!row) return { kind: "unknown" };
  const state = linkState(row, now);
  if (state.kind === "valid" && (await administratorExists(db))) return { kind: "used" };
  return state;
}

export type SetupOutcome =
  | { ok: true; userId: number; agencyId: number; rootUnitId: number }
  | { ok: false; reason: "link_invalid" }
  | { ok: false; reason: "field"; field: "agencySlug" | "username"; error: string };

/**
 * Creates the agency, its top unit and the first administrator (who also keeps the platform's national lists),
 * and spends the link, in one transaction. `token` null: from the command line, where the console is the proof.
 */
export async function completeSetup(db: Kysely<Database>, token: string | null, input: FirstAdministrator, now: Date): Promise<SetupOutcome> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('suara:setup-link'))`.execute(trx);
    let tokenId: number | null = null;
    if (token !== null) {
      const row = await trx
        .selectFrom("setup_tokens")
        .select(["id", "expires_at as expiresAt", "used_at as usedAt", "revoked_at as revokedAt"])
        .where("token_hash", "=", hashSecret(token))
        .executeTakeFirst();
      if (!row || linkState(row, now).kind !== "valid") return { ok: false, reason: "link_invalid" } as const;
      tokenId = row.id;
    }
    if (await administratorExists(trx)) return { ok: false, reason: "link_invalid" } as const;
    const slugTaken = await trx.selectFrom("agencies").select("id").where("slug", "=", input.agencySlug).executeTakeFirst();
    if (slugTaken) return { ok: false, reason: "field", field: "agencySlug", error: "accounts.errors.slugTaken" } as const;
    const usernameTaken = await trx.selectFrom("users").select("id").where("username", "=", input.username).executeTakeFirst();
    if (usernameTaken) return { ok: false, reason: "field", field: "username", error: "accounts.errors.usernameTaken" } as const;

    const created = await createAgencyWithRoot(trx, input);
    const user = await trx
      .insertInto("users")
      .values({ username: input.username, display_name: input.displayName, password_hash: passwordHash, platform_admin: true, password_changed_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("user_roles").values({ user_id: user.id, role: "admin", unit_id: created.rootUnitId }).execute();
    if (tokenId !== null) await trx.updateTable("setup_tokens").set({ used_at: now }).where("id", "=", tokenId).execute();
    // Any other link still open dies with this one.
    await trx.updateTable("setup_tokens").set({ revoked_at: now }).where("used_at", "is", null).where("revoked_at", "is", null).execute();
    await appendAudit(trx, {
      actorUserId: user.id,
      action: "installation.setup",
      subjectType: "agency",
      subjectId: created.agencyId,
      after: { agency: input.agencyName, slug: input.agencySlug, province: input.province, timeZone: input.timeZone, administrator: input.username, via: token === null ? "cli" : "link" },
    });
    return { ok: true, userId: user.id, ...created } as const;
  });
}

/** An agency and its top unit (kind pemda, named after the agency), under which its organisation is built. */
async function createAgencyWithRoot(trx: Transaction<Database>, input: Pick<FirstAdministrator, "agencyName" | "agencySlug" | "province" | "timeZone">) {
  const agency = await trx
    .insertInto("agencies")
    .values({ slug: input.agencySlug, name: input.agencyName, province: input.province, time_zone: input.timeZone })
    .returning("id")
    .executeTakeFirstOrThrow();
  const unit = await trx
    .insertInto("units")
    .values({ agency_id: agency.id, parent_id: null, kind: "pemda", name: input.agencyName, slug: input.agencySlug })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.updateTable("units").set({ path: `/${unit.id}/` }).where("id", "=", unit.id).execute();
  return { agencyId: agency.id, rootUnitId: unit.id };
}
