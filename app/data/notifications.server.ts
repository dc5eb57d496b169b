import { sql, type Kysely } from "kysely";
import type { Database, Role } from "../../db/schema";

// The staff inbox (new assignments, replies, deadlines). E-mail goes through the outbox
// (./mail-outbox.server.ts) and the platform's transport (~/platform/mail.server.ts).

export type NotificationKind =
  | "complaint_new"
  | "complaint_forwarded"
  | "complaint_officer_named"
  | "complaint_reopened"
  | "complaint_escalated"
  | "complaint_officer_replied"
  | "complaint_citizen_responded"
  | "complaint_due_today"
  | "complaint_late"
  // Performance records (./records-notices.server.ts).
  | "skp_plan_submitted"
  | "skp_plan_returned"
  | "skp_plan_approved"
  | "skp_feedback"
  | "skp_review_requested"
  | "skp_assessment_finalised"
  | "skp_objection_decided";

export interface NewNotification {
  userIds: readonly number[];
  kind: NotificationKind;
  agencyId: number | null;
  complaintId: number | null;
  params?: Record<string, unknown>;
  at: Date;
  /** Sends at most once per user for the same key (deadline reminders). */
  dedupeKey?: string;
}

export async function notify(db: Kysely<Database>, notification: NewNotification): Promise<void> {
  const userIds = [...new Set(notification.userIds)];
  if (userIds.length === 0) return;
  await db
    .insertInto("notifications")
    .values(
      userIds.map((userId) => ({
        user_id: userId,
        agency_id: notification.agencyId,
        kind: notification.kind,
        complaint_id: notification.complaintId,
        params: JSON.stringify(notification.params ?? {}),
        dedupe_key: notification.dedupeKey ? `${notification.dedupeKey}:${userId}` : null,
        created_at: notification.at,
      })),
    )
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}

/**
 * Active users holding one of the roles on a unit or one of its ancestors (a grant covers its subtree).
 * Admins are left out: they oversee, they do not work the queue.
 */
export async function usersWithRoleOver(
  db: Kysely<Database>,
  roles: readonly Exclude<Role, "admin">[],
  unitId: number,
): Promise<number[]> {
  const target = await db.selectFrom("units").select("path").where("id", "=", unitId).executeTakeFirst();
  if (!target) return [];
  const rows = await db
    .selectFrom("user_roles")
    .innerJoin("users", "users.id", "user_roles.user_id")
    .innerJoin("units as granted", "granted.id", "user_roles.unit_id")
    .select("users.id")
    .where("users.active", "=", true)
    .where("user_roles.role", "in", roles)
    .where(sql<boolean>`${target.path} like granted.path || '%'`)
    .distinct()
    .execute();
  return rows.map((row) => row.id);
}

export async function userOfOfficer(db: Kysely<Database>, officerId: number): Promise<number | null> {
  const row = await db.selectFrom("users").select("id").where("officer_id", "=", officerId).where("active", "=", true).executeTakeFirst();
  return row?.id ?? null;
}

export async function inboxOf(db: Kysely<Database>, userId: number, limit = 100) {
  return db
    .selectFrom("notifications")
    .leftJoin("complaints", "complaints.id", "notifications.complaint_id")
    .select([
      "notifications.id",
      "notifications.kind",
      "notifications.params",
      "notifications.created_at as createdAt",
      "notifications.read_at as readAt",
      "notifications.complaint_id as complaintId",
      "complaints.tracking_code as trackingCode",
    ])
    .where("notifications.user_id", "=", userId)
    .orderBy("notifications.created_at", "desc")
    .orderBy("notifications.id", "desc")
    .limit(limit)
    .execute();
}

export async function unreadCount(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks one notification (or all, when id is null) as read; only the owner's. */
export async function markRead(db: Kysely<Database>, userId: number, notificationId: number | null, at: Date): Promise<void> {
  let query = db.updateTable("notifications").set({ read_at: at }).where("user_id", "=", userId).where("read_at", "is", null);
  if (notificationId !== null) query = query.where("id", "=", notificationId);
  await query.execute();
}
