import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { Viewer } from "../skp/access.server";

// Objections (PP 30/2019 Pasal 59) are decided by the assessor's own supervisor.

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
