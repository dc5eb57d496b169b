// Development after an assessment: training topics for an officer's weakest SKM elements and BerAKHLAK
// behaviours (PermenPANRB 6/2022, development and follow-up stage). Suggestions only: the supervisor
// chooses which to accept into the next period's plan.

import type { BerakhlakValue } from "./berakhlak";
import type { ElementCode } from "./indicators/elements";

// Topic keys are translated in public/locales/*/assessments.json (assessments.training.topics.*).
export const ELEMENT_TRAINING: Record<ElementCode, string> = {
  U1: "service_requirements",
  U2: "procedure_simplification",
  U3: "service_time",
  U4: "fee_transparency",
  U5: "service_standard",
  U6: "service_competence",
  U7: "service_excellence_ethics",
  U8: "complaint_handling",
  U9: "facilities_care",
};

export const BEHAVIOUR_TRAINING: Record<BerakhlakValue, string> = {
  berorientasi_pelayanan: "service_orientation",
  akuntabel: "integrity_accountability",
  kompeten: "self_development",
  harmonis: "workplace_harmony",
  loyal: "public_service_values",
  adaptif: "innovation_change",
  kolaboratif: "teamwork_collaboration",
};

/** NRR below this (mutu C or D, PermenPANRB 14/2017 bands) marks an element for training. */
export const ELEMENT_TRAINING_BELOW_NRR = 3.0644;
/** A behaviour averaging below "sesuai" (2 points) is marked for training. */
export const BEHAVIOUR_TRAINING_BELOW_POINTS = 2;
export const MAX_SUGGESTIONS_PER_SOURCE = 2;

export type TrainingSuggestion =
  | { source: "element"; code: ElementCode; topic: string; score: number; reason: "lowest" | "belowThreshold" }
  | { source: "unit"; code: ElementCode; topic: string; score: number; reason: "lowest" | "belowThreshold" }
  | { source: "behaviour"; code: BerakhlakValue; topic: string; score: number; reason: "lowest" | "belowThreshold" };

/**
 * Up to two topics from the officer's elements and two from the behaviours: every one under its threshold,
 * worst first, and otherwise the single lowest (there is always something to grow in) — unless it is at the
 * top of the scale or tied with another. Then one topic for the unit's lowest element ("unsur terendah",
 * PermenPANRB 14/2017: the unit's priority for follow-up), unless the officer's own already names that topic.
 */
export function suggestTraining(input: {
  elements: readonly { code: ElementCode; nrr: number }[];
  behaviours: readonly { value: BerakhlakValue; average: number }[];
  unitElements?: readonly { code: ElementCode; nrr: number }[];
}): TrainingSuggestion[] {
  const elements = pick(
    input.elements.map((e) => ({ code: e.code, score: e.nrr })),
    ELEMENT_TRAINING_BELOW_NRR,
    4,
  );
  const behaviours = pick(
    input.behaviours.map((b) => ({ code: b.value, score: b.average })),
    BEHAVIOUR_TRAINING_BELOW_POINTS,
    3,
  );
  const unitLowest = pick(
    (input.unitElements ?? []).map((e) => ({ code: e.code, score: e.nrr })),
    ELEMENT_TRAINING_BELOW_NRR,
    4,
  )
    .slice(0, 1)
    .filter((e) => !elements.some((own) => ELEMENT_TRAINING[own.code] === ELEMENT_TRAINING[e.code]));
  return [
    ...elements.map((e) => ({
      source: "element" as const,
      code: e.code,
      topic: ELEMENT_TRAINING[e.code],
      score: e.score,
      reason: e.reason,
    })),
    ...behaviours.map((b) => ({
      source: "behaviour" as const,
      code: b.code,
      topic: BEHAVIOUR_TRAINING[b.code],
      score: b.score,
      reason: b.reason,
    })),
    ...unitLowest.map((e) => ({
      source: "unit" as const,
      code: e.code,
      topic: ELEMENT_TRAINING[e.code],
      score: e.score,
      reason: e.reason,
    })),
  ];
}

function pick<Code extends string>(
  items: readonly { code: Code; score: number }[],
  threshold: number,
  top: number,
): { code: Code; score: number; reason: "lowest" | "belowThreshold" }[] {
  const sorted = [...items].sort((a, b) => a.score - b.score || (a.code < b.code ? -1 : 1));
  const below = sorted.filter((item) => item.score < threshold).slice(0, MAX_SUGGESTIONS_PER_SOURCE);
  if (below.length > 0) return below.map((item) => ({ ...item, reason: "belowThreshold" as const }));
  const lowest = sorted[0];
  if (!lowest || lowest.score >= top) return [];
  // A tie for lowest marks no particular weakness: suggest nothing rather than pick one arbitrarily.
  if (sorted.length > 1 && sorted[1]!.score === lowest.score) return [];
  return [{ ...lowest, reason: "lowest" }];
}
