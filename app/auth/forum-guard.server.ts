import { requireRole, requireUnitRole } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { forumById } from "~/data/forums/forums.server";
import { unitIdParam } from "~/http/params";

const FORUM_ROLES = ["moderator", "admin"] as const;

/** The guard of a forum's staff pages: a moderator (or admin) of the forum's unit; otherwise 404. */
export async function requireForumModerator(request: Request, forumIdParam: string | undefined) {
  await requireRole(request, FORUM_ROLES);
  const forum = await forumById(db(), unitIdParam(forumIdParam));
  if (!forum) throw new Response("Not Found", { status: 404 });
  const user = await requireUnitRole(request, FORUM_ROLES, forum.unitId);
  return { user, forum };
}
