import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { EvidencePack } from "./evidence.server";

// The versions of an assessment: version 1 at finalising, then amendments and objection decisions, never edited.

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

/** The latest version with its answer and decision: what the state machine and the commands read. */
export async function latestVersion(db: Kysely<Database>, planId: number) {
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
      "objection_decisions.outcome as decisionOutcome",
    ])
    .where("assessments.plan_id", "=", planId)
    .orderBy("assessments.version", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Whether the plan's assessment has been started. */
export async function planHasAssessment(db: Kysely<Database>, planId: number): Promise<boolean> {
  const row = await db.selectFrom("assessments").select("id").where("plan_id", "=", planId).executeTakeFirst();
  return row !== undefined;
}
