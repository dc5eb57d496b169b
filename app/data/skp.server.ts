import { randomBytes } from "node:crypto";
import { mkdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import type { RoleGrant } from "~/domain/access/grants";
import { officerRecordAccess, type OfficerRecordAccess } from "~/domain/access/officer-records";
import { BERAKHLAK_VALUES, type BerakhlakValue } from "~/domain/berakhlak";
import type { Rating } from "~/domain/predikat";
import {
  isWithinPeriod,
  periodFromStart,
  planAllows,
  statusAfter,
  type PeriodKind,
  type PlanStatus,
  type PortalIndicator,
} from "~/domain/skp";
import { checkEvidenceFile, safeFileName } from "~/domain/skp-evidence";
import { addCalendarDays, localDateOf } from "~/domain/working-days";
import { env } from "~/platform/env.server";
import { appendAudit } from "./audit.server";

// SKP plans and what happens during the period: results, behaviour expectations, achievements with evidence,
// continuous feedback, peers and 360 reviews.
//
// Who sees what (docs/decisions: performance records scope):
// - the officer sees their own records;
// - a supervisor sees the records of every officer whose supervisor chain (officers.supervisor_id, upwards)
//   reaches the supervisor's own officer record, and of every officer in a unit they hold the `supervisor`
//   role for (that unit and its subtree) except their own supervisors;
// - only the DIRECT supervisor (the assessor) approves, returns, gives feedback as assessor, chooses peers,
//   reviews as supervisor and assesses; only the assessor's own supervisor decides an objection;
// - a chosen peer sees only the review form of that plan; admins see no performance records.
// Every loader and action goes through planAccess/officerAccess; anything outside answers 404.

export interface Viewer {
  id: number;
  officerId: number | null;
  grants: readonly RoleGrant[];
}

export interface OfficerAccess extends OfficerRecordAccess {
  officerId: number;
  unitId: number;
  agencyId: number;
  supervisorId: number | null;
}

const CHAIN_DEPTH_LIMIT = 25;

/** The officer's supervisors, nearest first. */
export async function supervisorChain(db: Kysely<Database>, officerId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive chain(id, depth) as (
      select supervisor_id, 1 from officers where id = ${officerId} and supervisor_id is not null
      union all
      select o.supervisor_id, c.depth + 1 from officers o join chain c on o.id = c.id
      where o.supervisor_id is not null and c.depth < ${CHAIN_DEPTH_LIMIT}
    )
    select id from chain order by depth`.execute(db);
  return result.rows.map((row) => row.id);
}

export async function officerAccess(
  db: Kysely<Database>,
  viewer: Viewer,
  officerId: number,
): Promise<OfficerAccess | null> {
  const officer = await db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .select(["officers.id", "officers.unit_id", "officers.agency_id", "officers.supervisor_id", "units.path"])
    .where("officers.id", "=", officerId)
    .executeTakeFirst();
  if (!officer) return null;
  // The supervisor chain only (officerRecordAccess): a supervisor role on the unit grants nothing here.
  const chain = viewer.officerId === null || viewer.officerId === officer.id ? [] : await supervisorChain(db, officer.id);
  return {
    officerId: officer.id,
    unitId: officer.unit_id,
    agencyId: officer.agency_id,
    supervisorId: officer.supervisor_id,
    ...officerRecordAccess({ viewerOfficerId: viewer.officerId, officerId: officer.id, chain }),
  };
}

export interface PlanRow {
  id: number;
  agencyId: number;
  officerId: number;
  unitId: number;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  returnComment: string | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
}

const planColumns = [
  "skp_plans.id",
  "skp_plans.agency_id as agencyId",
  "skp_plans.officer_id as officerId",
  "skp_plans.unit_id as unitId",
  "skp_plans.period_kind as periodKind",
  sql<string>`to_char(skp_plans.period_start, 'YYYY-MM-DD')`.as("periodStart"),
  sql<string>`to_char(skp_plans.period_end, 'YYYY-MM-DD')`.as("periodEnd"),
  "skp_plans.status",
  "skp_plans.return_comment as returnComment",
  "skp_plans.submitted_at as submittedAt",
  "skp_plans.approved_at as approvedAt",
] as const;

export async function planById(db: Kysely<Database>, planId: number): Promise<PlanRow | undefined> {
  return db.selectFrom("skp_plans").select(planColumns).where("skp_plans.id", "=", planId).executeTakeFirst();
}

export interface PlanAccess {
  plan: PlanRow;
  access: OfficerAccess;
  /** The viewer's officer was chosen as a peer reviewer for this plan. */
  peer: boolean;
}

/** The plan and the viewer's relation to it; undefined when missing or outside the viewer's scope. */
export async function planAccess(
  db: Kysely<Database>,
  viewer: Viewer,
  planId: number,
  options: { allowPeers?: boolean } = {},
): Promise<PlanAccess | undefined> {
  const plan = await planById(db, planId);
  if (!plan) return undefined;
  const access = await officerAccess(db, viewer, plan.officerId);
  if (!access) return undefined;
  const peer =
    viewer.officerId !== null &&
    (await db
      .selectFrom("skp_peers")
      .select("plan_id")
      .where("plan_id", "=", planId)
      .where("peer_officer_id", "=", viewer.officerId)
      .executeTakeFirst()) !== undefined;
  if (!access.canView && !(options.allowPeers && peer)) return undefined;
  return { plan, access, peer };
}

// ---------------------------------------------------------------------------------------------------------
// Queries for pages

export async function plansOfOfficer(db: Kysely<Database>, officerId: number) {
  return db
    .selectFrom("skp_plans")
    .select(planColumns)
    .select((eb) => [
      eb
        .selectFrom("assessments")
        .select("assessments.predikat")
        .whereRef("assessments.plan_id", "=", "skp_plans.id")
        .orderBy("assessments.version", "desc")
        .limit(1)
        .as("predikat"),
    ])
    .where("skp_plans.officer_id", "=", officerId)
    .orderBy("skp_plans.period_start", "desc")
    .orderBy("skp_plans.period_kind")
    .execute();
}

export async function officerSummary(db: Kysely<Database>, officerId: number) {
  return db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .innerJoin("agencies", "agencies.id", "officers.agency_id")
    .leftJoin("officers as supervisor", "supervisor.id", "officers.supervisor_id")
    .select([
      "officers.id",
      "officers.name",
      "officers.nip",
      "officers.position",
      "officers.rank",
      "officers.unit_id as unitId",
      "units.name as unitName",
      "agencies.name as agencyName",
      "agencies.time_zone as timeZone",
      "supervisor.id as supervisorId",
      "supervisor.name as supervisorName",
    ])
    .where("officers.id", "=", officerId)
    .executeTakeFirstOrThrow();
}

/** A plan's work results in their order, without the removed ones. */
export function activeResults(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom("skp_results")
    .select([
      "id",
      "position",
      "description",
      "indicator",
      "target",
      "unit_of_measure as unitOfMeasure",
      "portal_indicator as portalIndicator",
    ])
    .where("plan_id", "=", planId)
    .where("removed_at", "is", null)
    .orderBy("position")
    .execute();
}

export async function planDetail(db: Kysely<Database>, planId: number) {
  const [results, behaviours, achievements, feedback, peers, reviews] = await Promise.all([
    activeResults(db, planId),
    db.selectFrom("skp_behaviours").select(["value", "expectation"]).where("plan_id", "=", planId).execute(),
    db
      .selectFrom("skp_achievements")
      .leftJoin("skp_results", "skp_results.id", "skp_achievements.result_id")
      .select([
        "skp_achievements.id",
        sql<string>`to_char(skp_achievements.achieved_on, 'YYYY-MM-DD')`.as("achievedOn"),
        "skp_achievements.description",
        "skp_achievements.quantity",
        "skp_achievements.result_id as resultId",
        "skp_results.indicator as resultIndicator",
        "skp_achievements.evidence_name as evidenceName",
        "skp_achievements.evidence_mime as evidenceMime",
        "skp_achievements.created_at as createdAt",
      ])
      .where("skp_achievements.plan_id", "=", planId)
      .orderBy("skp_achievements.achieved_on", "desc")
      .orderBy("skp_achievements.id", "desc")
      .execute(),
    db
      .selectFrom("skp_feedback")
      .innerJoin("users", "users.id", "skp_feedback.author_user_id")
      .select([
        "skp_feedback.id",
        "skp_feedback.achievement_id as achievementId",
        "skp_feedback.body",
        "skp_feedback.created_at as createdAt",
        "users.display_name as author",
      ])
      .where("skp_feedback.plan_id", "=", planId)
      .orderBy("skp_feedback.id", "desc")
      .execute(),
    db
      .selectFrom("skp_peers")
      .innerJoin("officers", "officers.id", "skp_peers.peer_officer_id")
      .select(["officers.id", "officers.name", "officers.position"])
      .where("skp_peers.plan_id", "=", planId)
      .orderBy("officers.name")
      .execute(),
    db
      .selectFrom("skp_reviews")
      .innerJoin("officers", "officers.id", "skp_reviews.reviewer_officer_id")
      .select([
        "skp_reviews.reviewer_officer_id as reviewerId",
        "officers.name as reviewerName",
        "skp_reviews.kind",
        "skp_reviews.value",
        "skp_reviews.rating",
        "skp_reviews.justification",
        "skp_reviews.created_at as createdAt",
      ])
      .where("skp_reviews.plan_id", "=", planId)
      .orderBy("skp_reviews.kind")
      .orderBy("officers.name")
      .execute(),
  ]);
  const byValue = new Map(behaviours.map((b) => [b.value, b.expectation]));
  return {
    results,
    behaviours: BERAKHLAK_VALUES.map((value) => ({ value, expectation: byValue.get(value) ?? "" })),
    achievements,
    feedback,
    peers,
    reviews: reviews as (Omit<(typeof reviews)[number], "value" | "rating"> & {
      value: BerakhlakValue;
      rating: Rating;
    })[],
  };
}

/** Officers a supervisor may choose as peers: active colleagues in the same unit, not the officer nor the assessor. */
export async function peerCandidates(db: Kysely<Database>, plan: PlanRow, assessorId: number | null) {
  return db
    .selectFrom("officers")
    .select(["id", "name", "position"])
    .where("unit_id", "=", plan.unitId)
    .where("active", "=", true)
    .where("id", "!=", plan.officerId)
    .$if(assessorId !== null, (qb) => qb.where("id", "!=", assessorId!))
    .orderBy("name")
    .execute();
}

/** Plans whose officer the viewer may see as a supervisor (chain or unit role), newest period first. */
export async function plansInSupervisorScope(db: Kysely<Database>, viewer: Viewer) {
  const supervisorPaths = viewer.grants.filter((grant) => grant.role === "supervisor").map((grant) => grant.unitPath);
  const below =
    viewer.officerId === null
      ? []
      : (
          await sql<{ id: number }>`
            with recursive below(id, depth) as (
              select id, 1 from officers where supervisor_id = ${viewer.officerId}
              union all
              select o.id, b.depth + 1 from officers o join below b on o.supervisor_id = b.id where b.depth < ${CHAIN_DEPTH_LIMIT}
            )
            select distinct id from below`.execute(db)
        ).rows.map((row) => row.id);
  if (below.length === 0 && supervisorPaths.length === 0) return [];
  const above = viewer.officerId === null ? [] : await supervisorChain(db, viewer.officerId);
  return db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .leftJoin("skp_plans", "skp_plans.officer_id", "officers.id")
    .select([
      "officers.id as officerId",
      "officers.name as officerName",
      "officers.position",
      "officers.supervisor_id as supervisorId",
      "units.id as unitId",
      "units.name as unitName",
      "skp_plans.id as planId",
      "skp_plans.period_kind as periodKind",
      sql<string | null>`to_char(skp_plans.period_start, 'YYYY-MM-DD')`.as("periodStart"),
      sql<string | null>`to_char(skp_plans.period_end, 'YYYY-MM-DD')`.as("periodEnd"),
      "skp_plans.status",
    ])
    .select((eb) => [
      eb
        .selectFrom("assessments")
        .select("assessments.predikat")
        .whereRef("assessments.plan_id", "=", "skp_plans.id")
        .orderBy("assessments.version", "desc")
        .limit(1)
        .as("predikat"),
      eb
        .selectFrom("assessment_responses")
        .innerJoin("assessments", "assessments.id", "assessment_responses.assessment_id")
        .leftJoin("objection_decisions", "objection_decisions.response_id", "assessment_responses.id")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("assessments.plan_id", "=", "skp_plans.id")
        .where("assessment_responses.kind", "=", "objected")
        .where("objection_decisions.id", "is", null)
        .as("openObjections"),
    ])
    .where("officers.active", "=", true)
    .where((eb) =>
      eb.or([
        ...(below.length > 0 ? [eb("officers.id", "in", below)] : []),
        ...supervisorPaths.map((unitPath) => eb("units.path", "like", `${unitPath}%`)),
      ]),
    )
    .where((eb) =>
      viewer.officerId === null ? eb.val(true) : eb("officers.id", "not in", [viewer.officerId, ...above]),
    )
    .orderBy("units.path")
    .orderBy("officers.name")
    .orderBy("skp_plans.period_start", "desc")
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Commands. Expected refusals are values; the route turns `reason` into a translated message.

export type Refusal =
  | "notYours"
  | "notAssessor"
  | "wrongStatus"
  | "duplicatePeriod"
  | "invalidPeriod"
  | "outsidePeriod"
  | "futureDate"
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

async function audit(
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
    return { ok: true };
  });
}

export interface AchievementInput {
  achievedOn: string;
  description: string;
  resultId: number | null;
  quantity: number | null;
  file: { name: string; content: Uint8Array } | null;
}

/**
 * The officer logs an achievement during the period of an approved plan, with an optional evidence file.
 * The file is stored outside public/ under `evidenceDir` and served only through the guarded route.
 */
export async function addAchievement(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  input: AchievementInput,
  context: { now: Date; timeZone: string; evidenceDir: string },
): Promise<CommandResult<{ achievementId: number }>> {
  const plan = await planById(db, planId);
  if (!plan) return { ok: false, reason: "notYours" };
  if (plan.officerId !== actor.officerId) return { ok: false, reason: "notYours" };
  if (plan.status !== "approved") return { ok: false, reason: "wrongStatus" };
  if (!isWithinPeriod({ start: plan.periodStart, end: plan.periodEnd }, input.achievedOn))
    return { ok: false, reason: "outsidePeriod" };
  if (input.achievedOn > localDateOf(context.now, context.timeZone)) return { ok: false, reason: "futureDate" };
  if (input.resultId !== null) {
    const result = await db
      .selectFrom("skp_results")
      .select("id")
      .where("id", "=", input.resultId)
      .where("plan_id", "=", planId)
      .where("removed_at", "is", null)
      .executeTakeFirst();
    if (!result) return { ok: false, reason: "unknownResult" };
  }
  let stored: { file: string; name: string; mime: string; bytes: number; absolute: string } | null = null;
  if (input.file) {
    const check = checkEvidenceFile(input.file.content);
    if (!check.ok) {
      return {
        ok: false,
        reason:
          check.reason === "empty"
            ? "evidenceEmpty"
            : check.reason === "tooLarge"
              ? "evidenceTooLarge"
              : "evidenceWrongType",
      };
    }
    const relative = path.join(
      String(plan.agencyId),
      String(planId),
      `${randomBytes(16).toString("hex")}.${check.extension}`,
    );
    const absolute = path.join(context.evidenceDir, relative);
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, input.file.content, { flag: "wx" });
    stored = {
      file: relative,
      name: safeFileName(input.file.name, check.extension),
      mime: check.mime,
      bytes: input.file.content.length,
      absolute,
    };
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("skp_achievements")
        .values({
          agency_id: plan.agencyId,
          plan_id: planId,
          result_id: input.resultId,
          achieved_on: input.achievedOn,
          description: input.description,
          quantity: input.quantity,
          evidence_file: stored?.file ?? null,
          evidence_name: stored?.name ?? null,
          evidence_mime: stored?.mime ?? null,
          evidence_bytes: stored?.bytes ?? null,
          created_by_user_id: actor.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await audit(trx, actor, planId, "skp.achievement.add", undefined, {
        id: row.id,
        achievedOn: input.achievedOn,
        description: input.description,
        resultId: input.resultId,
        quantity: input.quantity,
        evidence: stored ? { name: stored.name, mime: stored.mime, bytes: stored.bytes } : null,
      });
      return { ok: true as const, achievementId: row.id };
    });
  } catch (error) {
    if (stored) await unlink(stored.absolute).catch(() => {});
    throw error;
  }
}

/** An evidence file, for the guarded download route: only the officer and the supervisors in their chain. */
export async function evidenceFileFor(
  db: Kysely<Database>,
  viewer: Viewer,
  achievementId: number,
  evidenceDir: string,
) {
  const row = await db
    .selectFrom("skp_achievements")
    .innerJoin("skp_plans", "skp_plans.id", "skp_achievements.plan_id")
    .select([
      "skp_plans.officer_id as officerId",
      "skp_achievements.evidence_file as file",
      "skp_achievements.evidence_name as name",
      "skp_achievements.evidence_mime as mime",
    ])
    .where("skp_achievements.id", "=", achievementId)
    .executeTakeFirst();
  if (!row?.file || !row.mime || !row.name) return undefined;
  const access = await officerAccess(db, viewer, row.officerId);
  if (!access || !(access.self || access.inChain)) return undefined;
  const absolute = path.resolve(evidenceDir, row.file);
  if (!absolute.startsWith(path.resolve(evidenceDir) + path.sep)) return undefined;
  return { path: absolute, name: row.name, mime: row.mime };
}

/** Continuous feedback: any supervisor in the officer's chain (the assessor first of all). */
export async function addFeedback(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  input: { body: string; achievementId: number | null },
): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const access = await officerAccess(trx, actor, plan.officer_id);
    if (!access?.inChain) return { ok: false, reason: "notAssessor" };
    if (input.achievementId !== null) {
      const found = await trx
        .selectFrom("skp_achievements")
        .select("id")
        .where("id", "=", input.achievementId)
        .where("plan_id", "=", planId)
        .executeTakeFirst();
      if (!found) return { ok: false, reason: "unknownResult" };
    }
    const row = await trx
      .insertInto("skp_feedback")
      .values({ plan_id: planId, achievement_id: input.achievementId, author_user_id: actor.id, body: input.body })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, actor, planId, "skp.feedback.add", undefined, {
      id: row.id,
      achievementId: input.achievementId,
      body: input.body,
    });
    return { ok: true };
  });
}

/** The assessor chooses (or drops, before they have reviewed) peer reviewers from the officer's unit. */
export async function changePeer(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  change: { action: "add" | "remove"; peerOfficerId: number },
): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const access = await officerAccess(trx, actor, plan.officer_id);
    if (!access?.assessor) return { ok: false, reason: "notAssessor" };
    if (await hasFinalAssessment(trx, planId)) return { ok: false, reason: "alreadyFinal" };
    if (change.action === "add") {
      const candidate = await trx
        .selectFrom("officers")
        .select("id")
        .where("id", "=", change.peerOfficerId)
        .where("unit_id", "=", plan.unit_id)
        .where("active", "=", true)
        .where("id", "!=", plan.officer_id)
        .where("id", "!=", actor.officerId!)
        .executeTakeFirst();
      if (!candidate) return { ok: false, reason: "invalidPeer" };
      await trx
        .insertInto("skp_peers")
        .values({ plan_id: planId, peer_officer_id: change.peerOfficerId, chosen_by_user_id: actor.id })
        .onConflict((oc) => oc.columns(["plan_id", "peer_officer_id"]).doNothing())
        .execute();
    } else {
      const reviewed = await trx
        .selectFrom("skp_reviews")
        .select("id")
        .where("plan_id", "=", planId)
        .where("reviewer_officer_id", "=", change.peerOfficerId)
        .executeTakeFirst();
      if (reviewed) return { ok: false, reason: "peerReviewed" };
      await trx
        .deleteFrom("skp_peers")
        .where("plan_id", "=", planId)
        .where("peer_officer_id", "=", change.peerOfficerId)
        .execute();
    }
    await audit(trx, actor, planId, change.action === "add" ? "skp.peer.add" : "skp.peer.remove", undefined, {
      peerOfficerId: change.peerOfficerId,
    });
    return { ok: true };
  });
}

export type ReviewInput = Record<BerakhlakValue, { rating: Rating; justification: string }>;

/**
 * A 360 review of the seven values: self (the officer), peer (chosen by the assessor) or supervisor (the
 * assessor). Once per reviewer and plan, on an approved plan not yet assessed.
 */
export async function submitReview(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  input: ReviewInput,
): Promise<CommandResult> {
  if (actor.officerId === null) return { ok: false, reason: "notPeer" };
  const reviewerId = actor.officerId;
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    if (plan.status !== "approved") return { ok: false, reason: "wrongStatus" };
    if (await hasFinalAssessment(trx, planId)) return { ok: false, reason: "alreadyFinal" };
    const kind = await reviewKindFor(trx, actor, plan);
    if (!kind) return { ok: false, reason: "notPeer" };
    const existing = await trx
      .selectFrom("skp_reviews")
      .select("id")
      .where("plan_id", "=", planId)
      .where("reviewer_officer_id", "=", reviewerId)
      .executeTakeFirst();
    if (existing) return { ok: false, reason: "alreadyReviewed" };
    const rows = BERAKHLAK_VALUES.map((value) => ({
      plan_id: planId,
      reviewer_officer_id: reviewerId,
      kind,
      value,
      rating: input[value].rating,
      justification: input[value].justification,
    }));
    await trx.insertInto("skp_reviews").values(rows).execute();
    await audit(trx, actor, planId, "skp.review.submit", undefined, {
      kind,
      reviewerOfficerId: reviewerId,
      ratings: rows.map((r) => [r.value, r.rating]),
    });
    return { ok: true };
  });
}

/** Which review the viewer may give on this plan, if any. */
export async function reviewKindFor(db: Kysely<Database>, viewer: Viewer, plan: { id: number; officer_id: number }) {
  if (viewer.officerId === null) return null;
  if (viewer.officerId === plan.officer_id) return "self" as const;
  const officer = await db
    .selectFrom("officers")
    .select("supervisor_id")
    .where("id", "=", plan.officer_id)
    .executeTakeFirstOrThrow();
  if (officer.supervisor_id === viewer.officerId) return "supervisor" as const;
  const peer = await db
    .selectFrom("skp_peers")
    .select("plan_id")
    .where("plan_id", "=", plan.id)
    .where("peer_officer_id", "=", viewer.officerId)
    .executeTakeFirst();
  return peer ? ("peer" as const) : null;
}

async function hasFinalAssessment(db: Kysely<Database>, planId: number): Promise<boolean> {
  return (
    (await db.selectFrom("assessments").select("id").where("plan_id", "=", planId).limit(1).executeTakeFirst()) !==
    undefined
  );
}

/** The plan row, locked for the rest of the transaction so concurrent steps apply one after another. */
export async function lockedPlan(trx: Transaction<Database>, planId: number) {
  const plan = await trx
    .selectFrom("skp_plans")
    .select([
      "id",
      "agency_id",
      "officer_id",
      "unit_id",
      "period_kind",
      sql<string>`to_char(period_start, 'YYYY-MM-DD')`.as("period_start"),
      sql<string>`to_char(period_end, 'YYYY-MM-DD')`.as("period_end"),
      "status",
    ])
    .where("id", "=", planId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return plan;
}

/** The previous period's plan of the same kind, whose accepted training topics this plan carries. */
export async function developmentForPlan(db: Kysely<Database>, plan: PlanRow) {
  const dayBefore = addCalendarDays(plan.periodStart, -1);
  return db
    .selectFrom("development_items")
    .innerJoin("skp_plans", "skp_plans.id", "development_items.source_plan_id")
    .select(["development_items.id", "development_items.kind", "development_items.topic", "development_items.note"])
    .where("development_items.officer_id", "=", plan.officerId)
    .where("development_items.kind", "=", "training")
    .where("skp_plans.period_kind", "=", plan.periodKind)
    .where(sql<string>`to_char(skp_plans.period_end, 'YYYY-MM-DD')`, "=", dayBefore)
    .orderBy("development_items.id")
    .execute();
}

/** What every page of a plan shows at the top. */
export async function planHeader(db: Kysely<Database>, plan: PlanRow) {
  const officer = await officerSummary(db, plan.officerId);
  return {
    id: plan.id,
    periodKind: plan.periodKind,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    status: plan.status,
    officerName: officer.name,
    officerPosition: officer.position,
    unitName: officer.unitName,
    supervisorName: officer.supervisorName,
    timeZone: officer.timeZone,
  };
}

/** Where evidence files live: outside public/, under DATA_DIR. */
export function evidenceDir(): string {
  return path.resolve(env().DATA_DIR, "evidence");
}

/** Plans on which the officer was chosen as a peer and has not reviewed yet. */
export async function peerReviewRequests(db: Kysely<Database>, officerId: number) {
  return db
    .selectFrom("skp_peers")
    .innerJoin("skp_plans", "skp_plans.id", "skp_peers.plan_id")
    .innerJoin("officers", "officers.id", "skp_plans.officer_id")
    .select([
      "skp_plans.id as planId",
      "officers.name as officerName",
      "skp_plans.period_kind as periodKind",
      sql<string>`to_char(skp_plans.period_start, 'YYYY-MM-DD')`.as("periodStart"),
    ])
    .where("skp_peers.peer_officer_id", "=", officerId)
    .where("skp_plans.status", "=", "approved")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("skp_reviews")
            .select("skp_reviews.id")
            .whereRef("skp_reviews.plan_id", "=", "skp_plans.id")
            .where("skp_reviews.reviewer_officer_id", "=", officerId),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom("assessments").select("assessments.id").whereRef("assessments.plan_id", "=", "skp_plans.id"),
        ),
      ),
    )
    .orderBy("skp_plans.period_start")
    .execute();
}
