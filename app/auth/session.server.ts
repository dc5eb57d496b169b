import { randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { env } from "~/platform/env.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { roleGrantsOf } from "~/data/users.server";
import type { RoleGrant } from "~/domain/access/grants";

const SESSION_DAYS = 7;

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  const settings = env();
  cookie ??= createCookie("__suara_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    // Secure in production; the demo is often tried over plain http on a local network.
    secure: settings.COOKIE_SECURE ?? (settings.NODE_ENV === "production" && !settings.SUARA_DEMO),
    secrets: [settings.SESSION_SECRET ?? "development-only-secret-change-me!!"],
    maxAge: SESSION_DAYS * 86_400,
  });
  return cookie;
}

export interface SessionUser {
  id: number;
  displayName: string;
  officerId: number | null;
  /** Keeps the platform-wide lists (national holidays); docs/decisions/0009-platform-administrator.md. */
  platformAdmin: boolean;
  grants: RoleGrant[];
}

async function sessionIdOf(request: Request): Promise<string | null> {
  return sessionIdFromCookies(request.headers.get("Cookie"));
}

/** The id of the request's session, so a password change keeps this device signed in and ends the others. */
export async function currentSessionId(request: Request): Promise<string | null> {
  return sessionIdOf(request);
}

async function sessionIdFromCookies(cookieHeader: string | null): Promise<string | null> {
  if (!cookieHeader?.includes("__suara_session=")) return null;
  const value = await sessionCookie().parse(cookieHeader);
  return typeof value === "string" ? value : null;
}

export async function loadSessionUser(request: Request, database: Kysely<Database> = db()): Promise<SessionUser | null> {
  return sessionUserFromCookies(request.headers.get("Cookie"), database);
}

/** The signed-in user behind a Cookie header, for handlers that see the header rather than a Request. */
export async function sessionUserFromCookies(cookieHeader: string | null, database: Kysely<Database> = db()): Promise<SessionUser | null> {
  const sessionId = await sessionIdFromCookies(cookieHeader);
  if (!sessionId) return null;
  const row = await database
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.display_name", "users.officer_id", "users.platform_admin"])
    .where("sessions.id", "=", sessionId)
    .where("sessions.expires_at", ">", now())
    .where("users.active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  return { id: row.id, displayName: row.display_name, officerId: row.officer_id, platformAdmin: row.platform_admin, grants: await roleGrantsOf(database, row.id) };
}

/** Signs in with a brand-new session id (rotation), dropping the one the browser had. */
export async function startSession(request: Request, userId: number, redirectTo: string): Promise<Response> {
  const previous = await sessionIdOf(request);
  const sessionId = randomBytes(32).toString("base64url");
  await db().transaction().execute(async (trx) => {
    if (previous) await trx.deleteFrom("sessions").where("id", "=", previous).execute();
    await trx
      .insertInto("sessions")
      .values({ id: sessionId, user_id: userId, expires_at: new Date(now().getTime() + SESSION_DAYS * 86_400_000) })
      .execute();
  });
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie().serialize(sessionId) } });
}

export async function endSession(request: Request): Promise<Response> {
  const sessionId = await sessionIdOf(request);
  if (sessionId) await db().deleteFrom("sessions").where("id", "=", sessionId).execute();
  return redirect("/", { headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) } });
}
