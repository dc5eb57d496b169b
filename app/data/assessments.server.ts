import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import type { OrganisationPredikatValue } from "../../db/tables/assessments";
import { hasRoleFor } from "~/domain/access/grants";
import { averagePoints, BERAKHLAK_VALUES, type BerakhlakValue } from "~/domain/berakhlak";
import {
  distributionWarnings,
  objectionWindow,
  predikatFor,
  type OrganisationPredikat,
  type Predikat,
  type Rating,
} from "~/domain/predikat";
import { nextPeriod, type PeriodKind, type PortalIndicator } from "~/domain/skp";
import {
  checkAssessment,
  exactShare,
  isScoreIndicator,
  rateScore,
  suggestHasilKerja,
  suggestPerilaku,
  sumDecimals,
  type Suggestion,
} from "~/domain/skp-assessment";
import { rationalToNumber } from "~/domain/indicators/ikm";
import { suggestTraining, type TrainingSuggestion } from "~/domain/training";
import { addCalendarDays, endOfLocalDay } from "~/domain/working-days";
import { appendAudit } from "./audit.server";
import {
  officerElements,
  openContests,
  portalValue,
  serviceEvidence,
  upheldComplaints,
  type OfficerElement,
  type OpenContest,
  type ServiceEvidence,
  type Sourced,
  type UpheldComplaint,
} from "./assessment-sources.server";
import { lockedPlan, officerAccess, planById, type PlanRow, type Viewer } from "./skp/access.server";
import { activeResults } from "./skp/queries.server";
import { finaliseTiming } from "./skp/timing.server";
import { noticeAssessmentFinalised, noticeObjectionDecided } from "./records-notices.server";

// Assessment of an SKP period (PermenPANRB 6/2022): the evidence pack, finalisation with a frozen snapshot,
// amendments as new versions, the officer's acknowledgement or objection (PP 30/2019 Pasal 59: 14 days,
// decided by the assessor's own supervisor, final), the unit's distribution warning, and development.

export interface ResultEvidence {
  id: number;
  description: string;
  indicator: string;
  target: number;
  unitOfMeasure: string;
  portalIndicator: PortalIndicator | null;
  /** Sum of the logged achievements' quantities, or the portal's figure; null when unknown. */
  realisation: number | null;
  /** realisation / target, null when unknown, the target is 0, or the result is a score. */
  share: number | null;
  /** A score indicator's rating on its own scale (absent in packs frozen before scores were rated so). */
  scoreRating?: Rating | null;
  achievements: number;
}

export interface BehaviourEvidence {
  value: BerakhlakValue;
  self: Rating | null;
  supervisor: Rating | null;
  peers: Rating[];
  /** Mean points (1–3) over every review of this value. */
  average: number | null;
}

/** The evidence pack, as shown before finalising and as frozen (jsonb) in every assessment version. */
export interface EvidencePack {
  assembledAt: string;
  period: { kind: PeriodKind; start: string; end: string };
  service: Sourced<ServiceEvidence>;
  /** U6/U7 NRR of the officer's surveys (packs frozen before this field existed lack it). */
  elements?: Sourced<OfficerElement[]>;
  complaints: Sourced<UpheldComplaint[]>;
  results: ResultEvidence[];
  achievements: { count: number; withFile: number };
  feedbackNotes: number;
  behaviours: BehaviourEvidence[];
  reviewers: { self: boolean; supervisor: boolean; peers: number; peersChosen: number };
  suggestions: { hasilKerja: Suggestion; perilaku: Suggestion };
}

function spanOf(plan: Pick<PlanRow, "periodStart" | "periodEnd">, timeZone: string) {
  return {
    from: new Date(endOfLocalDay(addCalendarDays(plan.periodStart, -1), timeZone).getTime() + 1),
    to: endOfLocalDay(plan.periodEnd, timeZone),
  };
}

async function timeZoneOf(db: Kysely<Database>, agencyId: number): Promise<string> {
  const agency = await db
    .selectFrom("agencies")
    .select("time_zone")
    .where("id", "=", agencyId)
    .executeTakeFirstOrThrow();
  return agency.time_zone;
}

/** Gathers the evidence for an officer and period as it stands now. */
export async function evidencePack(db: Kysely<Database>, planId: number, now: Date): Promise<EvidencePack> {
  const plan = await planById(db, planId);
  if (!plan) throw new Error(`No SKP plan ${planId}`);
  const timeZone = await timeZoneOf(db, plan.agencyId);
  const span = spanOf(plan, timeZone);
  const [results, achievementRows, feedback, reviews, peersChosen, service, complaints, elements] = await Promise.all([
    activeResults(db, planId),
    db
      .selectFrom("skp_achievements")
      .select(["result_id as resultId", "quantity", "evidence_file as file"])
      .where("plan_id", "=", planId)
      .execute(),
    db
      .selectFrom("skp_feedback")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("plan_id", "=", planId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("skp_reviews")
      .select(["reviewer_officer_id as reviewerId", "kind", "value", "rating"])
      .where("plan_id", "=", planId)
      .execute(),
    db
      .selectFrom("skp_peers")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("plan_id", "=", planId)
      .executeTakeFirstOrThrow(),
    serviceEvidence(db, plan.officerId, span),
    upheldComplaints(db, plan.officerId, span),
    officerElements(db, plan.officerId, span),
  ]);

  const resultEvidence: ResultEvidence[] = [];
  for (const result of results) {
    const linked = achievementRows.filter((a) => a.resultId === result.id);
    let realisation: number | null;
    if (result.portalIndicator) {
      const value = await portalValue(
        db,
        result.portalIndicator,
        { officerId: plan.officerId, unitId: plan.unitId },
        span,
      );
      realisation = value.available ? value.value : null;
    } else {
      const quantities = linked.map((a) => a.quantity).filter((q): q is number => q !== null);
      realisation = sumDecimals(quantities);
    }
    const score = isScoreIndicator(result.portalIndicator);
    const share = score ? null : exactShare({ target: result.target, realisation });
    resultEvidence.push({
      ...result,
      realisation,
      share: share === null ? null : rationalToNumber(share),
      scoreRating:
        score && result.portalIndicator && realisation !== null && result.target > 0
          ? rateScore(result.portalIndicator, result.target, realisation)
          : null,
      achievements: linked.length,
    });
  }

  const behaviours: BehaviourEvidence[] = BERAKHLAK_VALUES.map((value) => {
    const forValue = reviews.filter((review) => review.value === value);
    return {
      value,
      self: forValue.find((r) => r.kind === "self")?.rating ?? null,
      supervisor: forValue.find((r) => r.kind === "supervisor")?.rating ?? null,
      peers: forValue.filter((r) => r.kind === "peer").map((r) => r.rating),
      average: averagePoints(forValue.map((r) => r.rating)),
    };
  });

  return {
    assembledAt: now.toISOString(),
    period: { kind: plan.periodKind, start: plan.periodStart, end: plan.periodEnd },
    service,
    elements,
    complaints,
    results: resultEvidence,
    achievements: { count: achievementRows.length, withFile: achievementRows.filter((a) => a.file !== null).length },
    feedbackNotes: feedback.n,
    behaviours,
    reviewers: {
      self: reviews.some((r) => r.kind === "self"),
      supervisor: reviews.some((r) => r.kind === "supervisor"),
      peers: new Set(reviews.filter((r) => r.kind === "peer").map((r) => r.reviewerId)).size,
      peersChosen: peersChosen.n,
    },
    suggestions: {
      hasilKerja: suggestHasilKerja(resultEvidence),
      perilaku: suggestPerilaku(reviews.map((r) => r.rating)),
    },
  };
}

/** Open contests on the officer's ratings, shown before finalising (from the ratings feature). */
export async function openContestsBeforeFinalising(
  db: Kysely<Database>,
  officerId: number,
): Promise<Sourced<OpenContest[]>> {
  return openContests(db, officerId);
}

// ---------------------------------------------------------------------------------------------------------
// Versions

export async function assessmentVersions(db: Kysely<Database>, planId: number) {
  const rows = await db
    .selectFrom("assessments")
    .innerJoin("users", "users.id", "assessments.finalised_by_user_id")
    .leftJoin("assessment_responses", "assessment_responses.assessment_id", "assessments.id")
    .leftJoin("users as responder", "responder.id", "assessment_responses.responded_by_user_id")
    .leftJoin("objection_decisions", "objection_decisions.response_id", "assessment_responses.id")
    .leftJoin("users as decider", "decider.id", "objection_decisions.decided_by_user_id")
    .select([
      "assessments.id",
      "assessments.version",
      "assessments.rating_hasil_kerja as ratingHasilKerja",
      "assessments.rating_perilaku as ratingPerilaku",
      "assessments.justification_hasil_kerja as justificationHasilKerja",
      "assessments.justification_perilaku as justificationPerilaku",
      "assessments.predikat",
      "assessments.evidence",
      "assessments.amendment_reason as amendmentReason",
      "assessments.final_by_decision as finalByDecision",
      "assessments.assessor_officer_id as assessorOfficerId",
      "assessments.finalised_at as finalisedAt",
      "users.display_name as finalisedBy",
      "assessment_responses.id as responseId",
      "assessment_responses.kind as responseKind",
      "assessment_responses.reason as responseReason",
      "assessment_responses.responded_at as respondedAt",
      "responder.display_name as respondedBy",
      "objection_decisions.outcome as decisionOutcome",
      "objection_decisions.reason as decisionReason",
      "objection_decisions.decided_at as decidedAt",
      "objection_decisions.new_assessment_id as decisionNewAssessmentId",
      "decider.display_name as decidedBy",
    ])
    .where("assessments.plan_id", "=", planId)
    .orderBy("assessments.version", "desc")
    .execute();
  return rows.map((row) => ({ ...row, evidence: row.evidence as EvidencePack }));
}

export type AssessmentRefusal =
  | "notAssessor"
  | "notDecider"
  | "notYours"
  | "planNotApproved"
  | "alreadyFinal"
  | "notFinal"
  | "objectionPending"
  | "windowClosed"
  | "alreadyResponded"
  | "decisionIsFinal"
  | "notObjected"
  | "alreadyDecided"
  | "notLatest"
  | "periodNotOver";

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
  const access = await officerAccess(trx, actor, plan.officer_id);
  if (!access?.assessor || actor.officerId === null) return { ok: false as const, reason: "notAssessor" as const };
  if (plan.status !== "approved") return { ok: false as const, reason: "planNotApproved" as const };
  const existing = await trx.selectFrom("assessments").select("id").where("plan_id", "=", planId).executeTakeFirst();
  if (existing) return { ok: false as const, reason: "alreadyFinal" as const };
  if (!(await finaliseTiming(trx, plan, now)).ok) return { ok: false as const, reason: "periodNotOver" as const };
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

async function latestVersion(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom("assessments")
    .leftJoin("assessment_responses", "assessment_responses.assessment_id", "assessments.id")
    .leftJoin("objection_decisions", "objection_decisions.response_id", "assessment_responses.id")
    .select([
      "assessments.id",
      "assessments.version",
      "assessments.assessor_officer_id as assessorOfficerId",
      "assessments.rating_hasil_kerja as ratingHasilKerja",
      "assessments.rating_perilaku as ratingPerilaku",
      "assessments.predikat",
      "assessments.final_by_decision as finalByDecision",
      "assessments.finalised_at as finalisedAt",
      "assessment_responses.id as responseId",
      "assessment_responses.kind as responseKind",
      "objection_decisions.id as decisionId",
    ])
    .where("assessments.plan_id", "=", planId)
    .orderBy("assessments.version", "desc")
    .limit(1)
    .executeTakeFirst();
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
    const latest = await latestVersion(trx, planId);
    if (!latest) return { ok: false, reason: "notFinal" };
    if (actor.officerId === null || latest.assessorOfficerId !== actor.officerId)
      return { ok: false, reason: "notAssessor" };
    if (latest.finalByDecision) return { ok: false, reason: "decisionIsFinal" };
    if (latest.responseKind === "objected" && latest.decisionId === null)
      return { ok: false, reason: "objectionPending" };
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
    if (plan.officer_id !== actor.officerId) return { ok: false, reason: "notYours" };
    const latest = await latestVersion(trx, planId);
    if (!latest) return { ok: false, reason: "notFinal" };
    if (latest.finalByDecision) return { ok: false, reason: "decisionIsFinal" };
    if (latest.responseId !== null) return { ok: false, reason: "alreadyResponded" };
    const window = objectionWindow(latest.finalisedAt, now, await timeZoneOf(trx, plan.agency_id));
    if (response.kind === "objected" && !window.open) return { ok: false, reason: "windowClosed" };
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

/** Whether the viewer is the supervisor of the assessor of the plan's latest version: the one who decides. */
export async function isObjectionDecider(db: Kysely<Database>, viewer: Viewer, planId: number): Promise<boolean> {
  if (viewer.officerId === null) return false;
  const latest = await latestVersion(db, planId);
  if (!latest) return false;
  const assessor = await db
    .selectFrom("officers")
    .select("supervisor_id")
    .where("id", "=", latest.assessorOfficerId)
    .executeTakeFirstOrThrow();
  return assessor.supervisor_id === viewer.officerId;
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
    const latest = await latestVersion(trx, planId);
    if (!latest) return { ok: false, reason: "notFinal" };
    if (!(await isObjectionDecider(trx, actor, planId))) return { ok: false, reason: "notDecider" };
    if (latest.responseKind !== "objected" || latest.responseId === null) return { ok: false, reason: "notObjected" };
    if (latest.decisionId !== null) return { ok: false, reason: "alreadyDecided" };
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

/** Objections awaiting the viewer's decision (they supervise the assessor). */
export async function objectionsToDecide(db: Kysely<Database>, viewer: Viewer) {
  if (viewer.officerId === null) return [];
  return db
    .selectFrom("assessment_responses")
    .innerJoin("assessments", "assessments.id", "assessment_responses.assessment_id")
    .innerJoin("officers as assessor", "assessor.id", "assessments.assessor_officer_id")
    .innerJoin("officers", "officers.id", "assessments.officer_id")
    .leftJoin("objection_decisions", "objection_decisions.response_id", "assessment_responses.id")
    .select([
      "assessments.plan_id as planId",
      "officers.name as officerName",
      "assessor.name as assessorName",
      "assessment_responses.responded_at as respondedAt",
    ])
    .where("assessment_responses.kind", "=", "objected")
    .where("objection_decisions.id", "is", null)
    .where("assessor.supervisor_id", "=", viewer.officerId)
    .orderBy("assessment_responses.responded_at")
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Distribution per unit

export async function unitPattern(db: Kysely<Database>, unitId: number): Promise<OrganisationPredikat> {
  const row = await db
    .selectFrom("unit_assessment_settings")
    .select("organisation_predikat")
    .where("unit_id", "=", unitId)
    .executeTakeFirst();
  return row?.organisation_predikat ?? "baik";
}

/** Only a supervisor of the unit (by role) chooses its organisational predicate. */
export async function setUnitPattern(
  db: Kysely<Database>,
  actor: Viewer,
  unitId: number,
  pattern: OrganisationPredikatValue,
): Promise<{ ok: true } | { ok: false; reason: "notSupervisor" }> {
  const unit = await db.selectFrom("units").select("path").where("id", "=", unitId).executeTakeFirst();
  if (!unit || !hasRoleFor(actor.grants, ["supervisor"], unit.path)) return { ok: false, reason: "notSupervisor" };
  await db.transaction().execute(async (trx) => {
    const before = await unitPattern(trx, unitId);
    await trx
      .insertInto("unit_assessment_settings")
      .values({ unit_id: unitId, organisation_predikat: pattern, updated_by_user_id: actor.id })
      .onConflict((oc) =>
        oc
          .column("unit_id")
          .doUpdateSet({ organisation_predikat: pattern, updated_by_user_id: actor.id, updated_at: new Date() }),
      )
      .execute();
    await appendAudit(trx, {
      actorUserId: actor.id,
      action: "unit.assessment_pattern.set",
      subjectType: "unit",
      subjectId: unitId,
      before,
      after: pattern,
    });
  });
  return { ok: true };
}

/** Finalised predicates (latest version per plan) of a unit's officers for one period, with the warnings. */
export async function unitDistribution(
  db: Kysely<Database>,
  unitId: number,
  period: { kind: PeriodKind; start: string },
) {
  const rows = await db
    .selectFrom("assessments")
    .innerJoin("skp_plans", "skp_plans.id", "assessments.plan_id")
    .select(["assessments.plan_id", "assessments.version", "assessments.predikat"])
    .where("skp_plans.unit_id", "=", unitId)
    .where("skp_plans.period_kind", "=", period.kind)
    .where(sql<string>`to_char(skp_plans.period_start, 'YYYY-MM-DD')`, "=", period.start)
    .orderBy("assessments.plan_id")
    .orderBy("assessments.version", "desc")
    .execute();
  const latest = new Map<number, Predikat>();
  for (const row of rows) if (!latest.has(row.plan_id)) latest.set(row.plan_id, row.predikat);
  const predikats = [...latest.values()];
  const pattern = await unitPattern(db, unitId);
  return { pattern, predikats, warnings: distributionWarnings(pattern, predikats) };
}

// ---------------------------------------------------------------------------------------------------------
// Development

/** Suggested training from the frozen evidence of the latest version: the officer's weakest elements (U6/U7) and behaviours. */
export function trainingSuggestionsFor(evidence: EvidencePack): TrainingSuggestion[] {
  return suggestTraining({
    elements: evidence.elements?.available ? evidence.elements.value.map((e) => ({ code: e.code, nrr: e.nrr })) : [],
    behaviours: evidence.behaviours
      .filter((b): b is BehaviourEvidence & { average: number } => b.average !== null)
      .map((b) => ({ value: b.value, average: b.average })),
  });
}

export async function developmentOfPlan(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom("development_items")
    .innerJoin("users", "users.id", "development_items.created_by_user_id")
    .select([
      "development_items.id",
      "development_items.kind",
      "development_items.topic",
      "development_items.note",
      "development_items.created_at as createdAt",
      "users.display_name as by",
    ])
    .where("source_plan_id", "=", planId)
    .orderBy("development_items.id")
    .execute();
}

export async function commendationsOf(db: Kysely<Database>, officerId: number) {
  return db
    .selectFrom("development_items")
    .innerJoin("users", "users.id", "development_items.created_by_user_id")
    .leftJoin("skp_plans", "skp_plans.id", "development_items.source_plan_id")
    .select([
      "development_items.id",
      "development_items.kind",
      "development_items.topic",
      "development_items.note",
      "development_items.created_at as createdAt",
      "users.display_name as by",
      "skp_plans.period_kind as periodKind",
      sql<string | null>`to_char(skp_plans.period_start, 'YYYY-MM-DD')`.as("periodStart"),
    ])
    .where("development_items.officer_id", "=", officerId)
    .orderBy("development_items.id", "desc")
    .execute();
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
): Promise<AssessmentResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, planId);
    const latest = await latestVersion(trx, planId);
    if (!latest) return { ok: false, reason: "notFinal" };
    if (actor.officerId === null || latest.assessorOfficerId !== actor.officerId)
      return { ok: false, reason: "notAssessor" };
    const topic = item.kind === "training" ? item.topic : `commendation-${Date.now()}`;
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

/** Whether the plan's assessment has been started. */
export async function planHasAssessment(db: Kysely<Database>, planId: number): Promise<boolean> {
  const row = await db.selectFrom("assessments").select("id").where("plan_id", "=", planId).executeTakeFirst();
  return row !== undefined;
}
