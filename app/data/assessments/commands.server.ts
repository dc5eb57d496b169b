import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { assessmentVerdict, type AssessmentRefusal } from "~/domain/assessment-lifecycle";
import { objectionWindow, predikatFor, type Predikat, type Rating } from "~/domain/predikat";
import { nextPeriod } from "~/domain/skp";
import { checkAssessment } from "~/domain/skp-assessment";
import { appendAudit } from "../audit.server";
import { noticeAssessmentFinalised, noticeObjectionDecided } from "../records-notices.server";
import { lockedPlan, type Viewer } from "../skp/access.server";
import { evidencePack, timeZoneOf, type EvidencePack } from "./evidence.server";
import { assessedPlanOf, assessmentSituation } from "./state.server";

// What assessors, officers and deciders do to an assessment (PermenPANRB 6/2022; PP 30/2019 Pasal 59): finalise
// with a frozen evidence pack, amend as a new version, acknowledge or object, decide an objection, accept
// training or commend. Each command locks the plan, asks the state machine, then writes and audits.

export type { AssessmentRefusal };

export type AssessmentResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: AssessmentRefusal }
  | { ok: false; reason: "invalid"; errors: Record<string, string> };

export interface RatingsInput {
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  justificationHasilKerja: string;
  justificationPerilaku: string;
}

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

function justificationErrors(check: ReturnType<typeof checkAssessment>): Record<string, string> {
  if (check.ok) return {};
  return Object.fromEntries(Object.entries(check.errors).map(([field, key]) => [field, `assessments.errors.${key}`]));
}

async function insertVersion(
  trx: Transaction<Database>,
  actor: Viewer,
  plan: { id: number; agency_id: number; officer_id: number },
  values: {
    assessorOfficerId: number;
    version: number;
    input: RatingsInput;
    predikat: Predikat;
    evidence: EvidencePack;
    amendmentReason: string | null;
    finalByDecision: boolean;
    now: Date;
  },
) {
  const row = await trx
    .insertInto("assessments")
    .values({
      agency_id: plan.agency_id,
      plan_id: plan.id,
      officer_id: plan.officer_id,
      assessor_officer_id: values.assessorOfficerId,
      version: values.version,
      rating_hasil_kerja: values.input.ratingHasilKerja,
      rating_perilaku: values.input.ratingPerilaku,
      justification_hasil_kerja: values.input.justificationHasilKerja.trim() || null,
      justification_perilaku: values.input.justificationPerilaku.trim() || null,
      predikat: values.predikat,
      evidence: JSON.stringify(values.evidence),
      amendment_reason: values.amendmentReason,
      final_by_decision: values.finalByDecision,
      finalised_by_user_id: actor.id,
      finalised_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every check of finalising, without the write (the confirmation step shows the predikat it would give). */
export async function previewFinalisation(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  input: RatingsInput,
  now: Date,
): Promise<AssessmentResult<{ predikat: Predikat }>> {
  return db.transaction().execute(async (trx) => {
    const checked = await finalisationCheck(trx, actor, planId, input, now);
    return checked.ok ? { ok: true, predikat: checked.check.predikat } : checked;
  });
}

async function finalisationCheck(trx: Transaction<Database>, actor: Viewer, planId: number, input: RatingsInput, now: Date) {
  const plan = await lockedPlan(trx, planId);
  const situation = await assessmentSituation(trx, actor, assessedPlanOf(plan), now);
  const verdict = assessmentVerdict(situation.state, situation.viewer, "finalise");
  if (!verdict.ok) return verdict;
  const evidence = await evidencePack(trx, planId, now);
  const check = checkAssessment(input, evidence.suggestions);
  if (!check.ok) return { ok: false as const, reason: "invalid" as const, errors: justificationErrors(check) };
  return { ok: true as const, plan, evidence, check };
}

/**
 * The assessor finalises: ratings checked against the evidence pack (a departure needs a justification),
 * predikat from the matrix, the pack frozen into the version. Version 1 only; corrections use amend.
 */
export async function finaliseAssessment(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  input: RatingsInput,
  now: Date,
): Promise<AssessmentResult<{ assessmentId: number; predikat: Predikat }>> {
  return db.transaction().execute(async (trx) => {
    const checked = await finalisationCheck(trx, actor, planId, input, now);
    if (!checked.ok) return checked;
    const { plan, evidence, check } = checked;
    if (actor.officerId === null) return { ok: false, reason: "notAssessor" };
    const assessmentId = await insertVersion(trx, actor, plan, {
      assessorOfficerId: actor.officerId,
      version: 1,
      input,
      predikat: check.predikat,
      evidence,
      amendmentReason: null,
      finalByDecision: false,
      now,
    });
    await audit(trx, actor, planId, "assessment.finalise", undefined, {
      assessmentId,
      version: 1,
      ratingHasilKerja: input.ratingHasilKerja,
      ratingPerilaku: input.ratingPerilaku,
      predikat: check.predikat,
    });
    const window = objectionWindow(now, now, await timeZoneOf(trx, plan.agency_id));
    await noticeAssessmentFinalised(trx, { ...plan, id: planId }, { predikat: check.predikat, assessorUserId: actor.id, objectionClosesAt: window.closesAt, at: now });
    return { ok: true, assessmentId, predikat: check.predikat };
  });
}

/** A correction by the assessor: a new version with a reason and a fresh evidence snapshot; older ones stay. */
export async function amendAssessment(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  input: RatingsInput & { reason: string },
  now: Date,
): Promise<AssessmentResult<{ assessmentId: number; version: number }>> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const { state, viewer, latest } = await assessmentSituation(trx, actor, assessedPlanOf(plan), now);
    const verdict = assessmentVerdict(state, viewer, "amend");
    if (!verdict.ok || !latest) return verdict.ok ? { ok: false, reason: "notFinal" } : verdict;
    const evidence = await evidencePack(trx, planId, now);
    const check = checkAssessment(input, evidence.suggestions);
    if (!check.ok) return { ok: false, reason: "invalid", errors: justificationErrors(check) };
    const version = latest.version + 1;
    const assessmentId = await insertVersion(trx, actor, plan, {
      assessorOfficerId: latest.assessorOfficerId,
      version,
      input,
      predikat: check.predikat,
      evidence,
      amendmentReason: input.reason,
      finalByDecision: false,
      now,
    });
    await audit(
      trx,
      actor,
      planId,
      "assessment.amend",
      {
        version: latest.version,
        ratingHasilKerja: latest.ratingHasilKerja,
        ratingPerilaku: latest.ratingPerilaku,
        predikat: latest.predikat,
      },
      {
        assessmentId,
        version,
        ratingHasilKerja: input.ratingHasilKerja,
        ratingPerilaku: input.ratingPerilaku,
        predikat: check.predikat,
        reason: input.reason,
      },
    );
    const window = objectionWindow(now, now, await timeZoneOf(trx, plan.agency_id));
    await noticeAssessmentFinalised(trx, { ...plan, id: planId }, { predikat: check.predikat, assessorUserId: actor.id, objectionClosesAt: window.closesAt, at: now });
    return { ok: true, assessmentId, version };
  });
}

/**
 * The officer acknowledges the latest version or objects with reasons within 14 days of receiving it
 * (PP 30/2019 Pasal 59). A version produced by an objection decision is final.
 */
export async function respondToAssessment(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  response: { kind: "acknowledged" } | { kind: "objected"; reason: string },
  now: Date,
): Promise<AssessmentResult<{ closesAt?: Date }>> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const { state, viewer, latest } = await assessmentSituation(trx, actor, assessedPlanOf(plan), now);
    const verdict = assessmentVerdict(state, viewer, response.kind === "objected" ? "object" : "acknowledge");
    if (!verdict.ok || !latest) return verdict.ok ? { ok: false, reason: "notFinal" } : verdict;
    await trx
      .insertInto("assessment_responses")
      .values({
        assessment_id: latest.id,
        kind: response.kind,
        reason: response.kind === "objected" ? response.reason : null,
        responded_by_user_id: actor.id,
        responded_at: now,
      })
      .execute();
    await audit(
      trx,
      actor,
      planId,
      response.kind === "objected" ? "assessment.object" : "assessment.acknowledge",
      undefined,
      {
        assessmentId: latest.id,
        version: latest.version,
        ...(response.kind === "objected" ? { reason: response.reason } : {}),
      },
    );
    return { ok: true };
  });
}

/**
 * The assessor's own supervisor decides an objection; the decision is final. Upheld: the decider's ratings
 * become a new version (final, no further objection); rejected: the objected version stands.
 */
export async function decideObjection(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  decision:
    | { outcome: "rejected"; reason: string }
    | ({ outcome: "upheld"; reason: string } & Pick<RatingsInput, "ratingHasilKerja" | "ratingPerilaku">),
  now: Date,
): Promise<AssessmentResult<{ assessmentId?: number }>> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const { state, viewer, latest } = await assessmentSituation(trx, actor, assessedPlanOf(plan), now);
    const verdict = assessmentVerdict(state, viewer, "decide");
    if (!verdict.ok) return verdict;
    if (!latest?.responseId) return { ok: false, reason: "notObjected" };
    let newAssessmentId: number | null = null;
    let predikat: Predikat | null = null;
    if (decision.outcome === "upheld") {
      const evidence = await evidencePack(trx, planId, now);
      predikat = predikatFor(decision.ratingHasilKerja, decision.ratingPerilaku);
      newAssessmentId = await insertVersion(trx, actor, plan, {
        assessorOfficerId: latest.assessorOfficerId,
        version: latest.version + 1,
        input: {
          ratingHasilKerja: decision.ratingHasilKerja,
          ratingPerilaku: decision.ratingPerilaku,
          justificationHasilKerja: decision.reason,
          justificationPerilaku: decision.reason,
        },
        predikat,
        evidence,
        amendmentReason: decision.reason,
        finalByDecision: true,
        now,
      });
    }
    await trx
      .insertInto("objection_decisions")
      .values({
        response_id: latest.responseId,
        outcome: decision.outcome,
        reason: decision.reason,
        new_assessment_id: newAssessmentId,
        decided_by_user_id: actor.id,
        decided_at: now,
      })
      .execute();
    await audit(
      trx,
      actor,
      planId,
      "assessment.objection.decide",
      { version: latest.version, predikat: latest.predikat },
      {
        outcome: decision.outcome,
        reason: decision.reason,
        ...(newAssessmentId ? { assessmentId: newAssessmentId, version: latest.version + 1, predikat } : {}),
      },
    );
    await noticeObjectionDecided(trx, { ...plan, id: planId }, { outcome: decision.outcome, reason: decision.reason, at: now });
    return { ok: true, ...(newAssessmentId ? { assessmentId: newAssessmentId } : {}) };
  });
}

/**
 * The assessor accepts a training topic into the next period's plan, or writes a commendation the officer
 * sees on their page. Only after a version is final.
 */
export async function addDevelopment(
  db: Kysely<Database>,
  actor: Viewer,
  planId: number,
  item: { kind: "training"; topic: string } | { kind: "commendation"; note: string },
  now: Date,
): Promise<AssessmentResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const { state, viewer } = await assessmentSituation(trx, actor, assessedPlanOf(plan), now);
    const verdict = assessmentVerdict(state, viewer, "develop");
    if (!verdict.ok) return verdict;
    const topic = item.kind === "training" ? item.topic : `commendation-${now.getTime()}`;
    await trx
      .insertInto("development_items")
      .values({
        agency_id: plan.agency_id,
        officer_id: plan.officer_id,
        source_plan_id: planId,
        kind: item.kind,
        topic,
        note: item.kind === "commendation" ? item.note : null,
        created_by_user_id: actor.id,
      })
      .onConflict((oc) => oc.columns(["source_plan_id", "kind", "topic"]).doNothing())
      .execute();
    const next = nextPeriod({ kind: plan.period_kind, start: plan.period_start, end: plan.period_end });
    await audit(
      trx,
      actor,
      planId,
      item.kind === "training" ? "development.training.accept" : "development.commendation",
      undefined,
      {
        ...(item.kind === "training" ? { topic: item.topic, forPeriodStart: next.start } : { note: item.note }),
      },
    );
    return { ok: true };
  });
}
