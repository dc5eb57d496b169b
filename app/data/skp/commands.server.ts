import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { BERAKHLAK_VALUES, type BerakhlakValue } from "~/domain/berakhlak";
import { periodFromStart, planAllows, statusAfter, type PeriodKind, type PortalIndicator } from "~/domain/skp";
import { appendAudit } from "../audit.server";
import { planNoticeContext, sendRecordNotice } from "../records-notices.server";
import { lockedPlan, officerAccess, type Viewer } from "./access.server";

// The plan's own steps: create, results, behaviour expectations, submit, approve or return. Each command opens
// one transaction (createPlan, addResult, removeResult, saveBehaviours, submitPlan, decidePlan). Expected
// refusals are values; the route turns `reason` into a translated message.

export type Refusal =
  | "notYours"
  | "notAssessor"
  | "wrongStatus"
  | "duplicatePeriod"
  | "invalidPeriod"
  | "outsidePeriod"
  | "futureDate"
  | "tooOld"
  | "unknownResult"
  | "noResults"
  | "notPeer"
  | "alreadyReviewed"
  | "alreadyFinal"
  | "invalidPeer"
  | "peerReviewed"
  | "evidenceEmpty"
  | "evidenceTooLarge"
  | "evidenceWrongType";
export type CommandResult<T = object> = ({ ok: true } & T) | { ok: false; reason: Refusal };

export async function audit(
  trx: Transaction<Database>,
  actor: Viewer,
  planId: number,
  action: string,
  before?: unknown,
  after?: unknown,
) {
  await appendAudit(trx, { actorUserId: actor.id, action, subjectType: "skp_plan", subjectId: planId, before, after });
}

export async function createPlan(
  db: Kysely<Database>,
  actor: Viewer,
  input: { kind: PeriodKind; start: string },
): Promise<CommandResult<{ planId: number }>> {
  if (actor.officerId === null) return { ok: false, reason: "notYours" };
  const period = periodFromStart(input.kind, input.start);
  if (!period.ok) return { ok: false, reason: "invalidPeriod" };
  const officer = await db
    .selectFrom("officers")
    .select(["id", "unit_id", "agency_id"])
    .where("id", "=", actor.officerId)
    .executeTakeFirstOrThrow();
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto("skp_plans")
      .values({
        agency_id: officer.agency_id,
        officer_id: officer.id,
        unit_id: officer.unit_id,
        period_kind: input.kind,
        period_start: period.period.start,
        period_end: period.period.end,
      })
      .onConflict((oc) => oc.columns(["officer_id", "period_kind", "period_start"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!created) return { ok: false as const, reason: "duplicatePeriod" as const };
    await audit(trx, actor, created.id, "skp.plan.create", undefined, {
      kind: input.kind,
      start: period.period.start,
      end: period.period.end,
    });
    return { ok: true as const, planId: created.id };
  });
}

export interface ResultInput {
  description: string;
  indicator: string;
  target: number;
  unitOfMeasure: string;
  portalIndicator: PortalIndicator | null;
}

/** Only the officer edits their draft (or returned) plan. */
export async function addResult(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  input: ResultInput,
): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    if (plan.officer_id !== actor.officerId) return { ok: false, reason: "notYours" };
    if (!planAllows(plan.status, "edit")) return { ok: false, reason: "wrongStatus" };
    const last = await trx
      .selectFrom("skp_results")
      .select(sql<number>`coalesce(max(position), 0)::int`.as("max"))
      .where("plan_id", "=", planId)
      .executeTakeFirstOrThrow();
    const row = {
      plan_id: planId,
      position: last.max + 1,
      description: input.description,
      indicator: input.indicator,
      target: input.target,
      unit_of_measure: input.unitOfMeasure,
      portal_indicator: input.portalIndicator,
    };
    const inserted = await trx.insertInto("skp_results").values(row).returning("id").executeTakeFirstOrThrow();
    await audit(trx, actor, planId, "skp.result.add", undefined, { id: inserted.id, ...input });
    return { ok: true };
  });
}

export async function removeResult(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  resultId: number,
): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    if (plan.officer_id !== actor.officerId) return { ok: false, reason: "notYours" };
    if (!planAllows(plan.status, "edit")) return { ok: false, reason: "wrongStatus" };
    const removed = await trx
      .updateTable("skp_results")
      .set({ removed_at: new Date() })
      .where("id", "=", resultId)
      .where("plan_id", "=", planId)
      .where("removed_at", "is", null)
      .returning(["description", "indicator", "target"])
      .executeTakeFirst();
    if (!removed) return { ok: false, reason: "unknownResult" };
    await audit(trx, actor, planId, "skp.result.remove", { id: resultId, ...removed }, undefined);
    return { ok: true };
  });
}

/**
 * The supervisor's special expectations per BerAKHLAK value. The officer may propose them in a draft; the
 * assessor may write them until the plan is approved.
 */
export async function saveBehaviours(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  expectations: Record<BerakhlakValue, string>,
): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const access = await officerAccess(trx, actor, plan.officer_id);
    const allowed =
      (access?.self && planAllows(plan.status, "edit")) || (access?.assessor && plan.status !== "approved");
    if (!allowed) return { ok: false, reason: access?.self || access?.assessor ? "wrongStatus" : "notYours" };
    const before = await trx
      .selectFrom("skp_behaviours")
      .select(["value", "expectation"])
      .where("plan_id", "=", planId)
      .execute();
    await trx.deleteFrom("skp_behaviours").where("plan_id", "=", planId).execute();
    const rows = BERAKHLAK_VALUES.filter((value) => expectations[value].trim() !== "").map((value) => ({
      plan_id: planId,
      value,
      expectation: expectations[value].trim(),
    }));
    if (rows.length > 0) await trx.insertInto("skp_behaviours").values(rows).execute();
    await audit(
      trx,
      actor,
      planId,
      "skp.behaviours.save",
      before,
      rows.map(({ value, expectation }) => ({ value, expectation })),
    );
    return { ok: true };
  });
}

export async function submitPlan(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  now: Date,
): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    if (plan.officer_id !== actor.officerId) return { ok: false, reason: "notYours" };
    if (!planAllows(plan.status, "submit")) return { ok: false, reason: "wrongStatus" };
    const results = await trx
      .selectFrom("skp_results")
      .select("id")
      .where("plan_id", "=", planId)
      .where("removed_at", "is", null)
      .execute();
    if (results.length === 0) return { ok: false, reason: "noResults" };
    await trx
      .updateTable("skp_plans")
      .set({ status: statusAfter("submit"), submitted_at: now })
      .where("id", "=", planId)
      .execute();
    await audit(trx, actor, planId, "skp.plan.submit", { status: plan.status }, { status: "submitted" });
    const context = await planNoticeContext(trx, plan);
    if (context.supervisorId !== null)
      await sendRecordNotice(trx, { kind: "skp_plan_submitted", agencyId: plan.agency_id, planId, officerIds: [context.supervisorId], params: { officer: context.officer, period: context.period }, at: now });
    return { ok: true };
  });
}

/** Approve or return: the direct supervisor only. Returning needs a comment (the route requires it). */
export async function decidePlan(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  decision: { action: "approve" } | { action: "return"; comment: string },
  now: Date,
): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const access = await officerAccess(trx, actor, plan.officer_id);
    if (!access?.assessor) return { ok: false, reason: "notAssessor" };
    if (!planAllows(plan.status, decision.action)) return { ok: false, reason: "wrongStatus" };
    const status = statusAfter(decision.action);
    await trx
      .updateTable("skp_plans")
      .set(
        decision.action === "approve"
          ? { status, approved_at: now, approved_by_user_id: actor.id, return_comment: null }
          : { status, return_comment: decision.comment },
      )
      .where("id", "=", planId)
      .execute();
    await audit(
      trx,
      actor,
      planId,
      decision.action === "approve" ? "skp.plan.approve" : "skp.plan.return",
      { status: plan.status },
      decision.action === "approve" ? { status } : { status, comment: decision.comment },
    );
    const context = await planNoticeContext(trx, plan);
    await sendRecordNotice(trx, {
      kind: decision.action === "approve" ? "skp_plan_approved" : "skp_plan_returned",
      agencyId: plan.agency_id,
      planId,
      officerIds: [plan.officer_id],
      params: { period: context.period, comment: decision.action === "return" ? decision.comment : "" },
      at: now,
    });
    return { ok: true };
  });
}
