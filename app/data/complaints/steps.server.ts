import type { Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { actorForStep, mayForwardTo } from "~/domain/access/complaints";
import {
  applyComplaintEvent,
  type ComplaintActor,
  type ComplaintEffect,
  type ComplaintEvent,
  type ComplaintRefusal,
} from "~/domain/complaint-lifecycle";
import { formatTrackingCode } from "~/domain/complaint-tracking-code";
import { appendAudit } from "../audit.server";
import { holidayCalendarFor } from "../holidays.server";
import { notify, userOfOfficer, usersWithRoleOver, type NotificationKind } from "../notifications.server";
import { mailCitizen } from "./mail.server";
import { agencyZone, columnsOf, placeOf, stateOf, type ComplaintRow, type Db, type StaffActor } from "./rows.server";

// Steps on a complaint: a staff member's (scope through the access rules, then the state machine), the
// citizen's and the scheduler's all end in applyEvent, which opens one transaction per step.

export type ActResult = { ok: true } | { ok: false; reason: ComplaintRefusal | "out_of_scope" | "not_found" | "unknown_unit" | "officer_not_in_unit" };

export async function actOnComplaint(db: Db, user: StaffActor, complaintId: number, event: ComplaintEvent, now: Date): Promise<ActResult> {
  const row = await db.selectFrom("complaints").select(["received_unit_id", "unit_id", "officer_id", "agency_id", "status"]).where("id", "=", complaintId).executeTakeFirst();
  if (!row) return { ok: false, reason: "not_found" };
  const actor = actorForStep(user, event.type, await placeOf(db, row));
  if (!actor) return { ok: false, reason: "out_of_scope" };
  if (event.type === "forward") {
    const target = await db.selectFrom("units").select(["id", "path", "agency_id"]).where("id", "=", Number(event.unitId)).executeTakeFirst();
    if (!target || target.agency_id !== row.agency_id || !mayForwardTo(user, target.path)) return { ok: false, reason: "unknown_unit" };
    if (event.officerId !== undefined) {
      const officer = await db
        .selectFrom("officers")
        .innerJoin("units", "units.id", "officers.unit_id")
        .select("officers.id")
        .where("officers.id", "=", Number(event.officerId))
        .where("units.path", "like", `${target.path}%`)
        .executeTakeFirst();
      if (!officer) return { ok: false, reason: "officer_not_in_unit" };
    }
  }
  return applyEvent(db, complaintId, actor, user.id, event, now);
}


export async function applyEvent(
  db: Db,
  complaintId: number,
  actor: ComplaintActor,
  actorUserId: number | null,
  event: ComplaintEvent,
  now: Date,
): Promise<ActResult> {
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("complaints").selectAll().where("id", "=", complaintId).forUpdate().executeTakeFirst();
    if (!row) return { ok: false, reason: "not_found" } as const;
    const calendar = event.type === "auto_close" ? await holidayCalendarFor(trx, row.agency_id) : undefined;
    const zone = event.type === "auto_close" ? await agencyZone(trx, row.agency_id) : undefined;
    const before = stateOf(row);
    const transition = applyComplaintEvent(before, event, actor, now, calendar ? { calendar, zone } : undefined);
    if (!transition.ok) return { ok: false, reason: transition.reason } as const;
    const after = transition.state;
    const rating = event.type === "citizen_response" && event.handlingRating ? event.handlingRating : undefined;
    await trx
      .updateTable("complaints")
      .set({ ...columnsOf(after), ...(rating ? { handling_rating: rating } : {}), updated_at: now })
      .where("id", "=", complaintId)
      .execute();
    const { type: _type, ...details } = event;
    await trx
      .insertInto("complaint_events")
      .values({
        complaint_id: complaintId,
        agency_id: row.agency_id,
        at: now,
        type: event.type,
        actor_role: actor.role,
        actor_user_id: actorUserId,
        from_status: before.status,
        to_status: after.status,
        details: JSON.stringify(details),
      })
      .execute();
    await appendAudit(trx, {
      actorUserId,
      action: `complaint.${event.type}`,
      subjectType: "complaint",
      subjectId: complaintId,
      before: { status: before.status, visibility: before.visibility, unitId: before.unitId, officerId: before.officerId },
      after: { status: after.status, visibility: after.visibility, unitId: after.unitId, officerId: after.officerId },
    });
    await deliverEffects(trx, row, transition.effects, event, actorUserId, now);
    if (transition.effects.some((effect) => effect.type === "notify_citizen")) await mailCitizen(trx, row.id, row.agency_id, row.tracking_code, now);
    return { ok: true } as const;
  });
  if (!outcome.ok) return outcome;
  return { ok: true };
}

async function deliverEffects(
  trx: Transaction<Database>,
  row: ComplaintRow,
  effects: readonly ComplaintEffect[],
  event: ComplaintEvent,
  actorUserId: number | null,
  at: Date,
): Promise<void> {
  const base = { agencyId: row.agency_id, complaintId: row.id, params: { code: formatTrackingCode(row.tracking_code) }, at };
  const send = async (kind: NotificationKind, userIds: number[]) =>
    notify(trx, { ...base, kind, userIds: userIds.filter((id) => id !== actorUserId) });
  for (const effect of effects) {
    if (effect.type === "notify_unit") {
      await send(effect.notice === "complaint_forwarded" ? "complaint_forwarded" : "complaint_reopened", await usersWithRoleOver(trx, ["complaint_handler", "supervisor"], Number(effect.unitId)));
    } else if (effect.type === "notify_officer") {
      const userId = await userOfOfficer(trx, Number(effect.officerId));
      if (userId !== null) await send("complaint_officer_named", [userId]);
    } else if (effect.type === "notify_supervisor") {
      await send("complaint_escalated", await usersWithRoleOver(trx, ["supervisor"], Number(effect.unitId)));
    }
  }
  if (event.type === "officer_reply" || event.type === "citizen_response") {
    const people = [
      ...(await usersWithRoleOver(trx, ["complaint_handler"], row.received_unit_id)),
      ...(row.unit_id === null ? [] : await usersWithRoleOver(trx, ["supervisor"], row.unit_id)),
    ];
    await send(event.type === "officer_reply" ? "complaint_officer_replied" : "complaint_citizen_responded", people);
  }
}

