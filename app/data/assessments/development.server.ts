import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { suggestTraining, type TrainingSuggestion } from "~/domain/training";
import type { BehaviourEvidence, EvidencePack } from "./evidence.server";

// Development after an assessment: training suggested from the frozen evidence, accepted topics and commendations.

/**
 * Suggested training from the frozen evidence of the latest version: the officer's weakest elements (U6/U7)
 * and behaviours, and the unit's lowest element.
 */
export function trainingSuggestionsFor(evidence: EvidencePack): TrainingSuggestion[] {
  return suggestTraining({
    elements: evidence.elements?.available ? evidence.elements.value.map((e) => ({ code: e.code, nrr: e.nrr })) : [],
    behaviours: evidence.behaviours
      .filter((b): b is BehaviourEvidence & { average: number } => b.average !== null)
      .map((b) => ({ value: b.value, average: b.average })),
    unitElements: evidence.unitElements?.available ? evidence.unitElements.value.map((e) => ({ code: e.code, nrr: e.nrr })) : [],
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
      "skp_plans.period_start as periodStart",
    ])
    .where("development_items.officer_id", "=", officerId)
    .orderBy("development_items.id", "desc")
    .execute();
}
