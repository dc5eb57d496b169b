import { redirect } from "@remix-run/node";
import type { Role } from "../../db/schema";
import { db } from "~/platform/db.server";
import { unitById } from "~/data/organisation.server";
import { unitIdParam } from "~/http/params";
import { hasRoleFor } from "~/domain/access/grants";
import { mayKeepHoliday, mayOpenHolidays, type HolidayScope } from "~/domain/access/holidays";
import { loadSessionUser, type SessionUser } from "./session.server";

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await loadSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/masuk?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** A user holding at least one of the roles somewhere; the unit check follows with requireUnitRole. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!user.grants.some((grant) => roles.includes(grant.role))) throw forbidden();
  return user;
}

/**
 * The guard every staff loader and action uses: the role AND the unit scope. A unit outside the
 * user's scope answers 404, so its existence is not confirmed either.
 */
export async function requireUnitRole(request: Request, roles: readonly Role[], unitId: number): Promise<SessionUser> {
  const user = await requireRole(request, roles);
  const unit = await db().selectFrom("units").select("path").where("id", "=", unitId).executeTakeFirst();
  if (!unit || !hasRoleFor(user.grants, roles, unit.path)) throw notFound();
  return user;
}

/** The guard for staff pages about one unit (`/staf/.../:unitId`): the role on it, and the unit itself. */
export async function requireStaffUnit(request: Request, roles: readonly Role[], unitIdText: string | undefined) {
  const unitId = unitIdParam(unitIdText);
  const user = await requireUnitRole(request, roles, unitId);
  const unit = await unitById(db(), unitId);
  if (!unit) throw notFound();
  return { user, unit };
}

/** The guard for an agency's administration pages (`/staf/organisasi/:unitId/...`): admin of its top unit. */
export async function requireAgencyAdmin(request: Request, unitIdText: string | undefined) {
  const { user, unit } = await requireStaffUnit(request, ["admin"], unitIdText);
  if (unit.path.split("/").length !== 3) throw notFound(); // "/12/": only the top unit stands for the agency
  return { user, unit };
}

/** The guard of the holiday page: a platform administrator, or an administrator of an agency's top unit. */
export async function requireHolidayKeeper(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!mayOpenHolidays(user)) throw forbidden();
  return user;
}

/**
 * The guard of one holiday change: the national list answers 403 to anyone but the platform administrator; an
 * agency's regional days answer 404 outside the actor's agencies, as every unit scope does.
 */
export function requireHolidayScope(user: SessionUser, scope: HolidayScope | undefined): void {
  if (!scope) throw notFound();
  if (mayKeepHoliday(user, scope)) return;
  throw scope.kind === "national" ? forbidden() : notFound();
}

export function userMayActOnUnit(user: SessionUser, roles: readonly Role[], unitPath: string): boolean {
  return hasRoleFor(user.grants, roles, unitPath);
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}
