import { elementOrder, type ElementCode } from "./indicators/elements";

// The recommendations of a unit's SKM report (DOMAIN.md §1.5) and their follow-up: each one moves from planned to
// in progress to done, every change with a note and the day it happened, so the next report and the public page
// can say what was done. Days are the agency's local calendar days ("YYYY-MM-DD").

export const RECOMMENDATION_STATUSES = ["planned", "in_progress", "done"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** How the public reads a recommendation's state: its status, or late when an open one is past its due date. */
export type PublicRecommendationState = RecommendationStatus | "late";

// A progress note keeps "in progress"; a finished one may be reopened (with a note saying why); nothing goes back
// to "planned", since work once started has started.
const NEXT: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  planned: ["in_progress", "done"],
  in_progress: ["in_progress", "done"],
  done: ["in_progress"],
};

/** The statuses a recommendation may move to from `status`, in the order a form offers them. */
export function nextStatuses(status: RecommendationStatus): readonly RecommendationStatus[] {
  return NEXT[status];
}

export const NOTE_MAX = 1000;
export const EVIDENCE_MAX = 500;

export type StatusChangeRefusal =
  | { field: "status"; reason: "notAllowed" }
  | { field: "note"; reason: "noteRequired" }
  | { field: "evidence"; reason: "evidenceRequired" }
  | { field: "notedOn"; reason: "future" | "beforePeriod" };

export interface StatusChange {
  from: RecommendationStatus;
  to: RecommendationStatus;
  note: string;
  evidence: string;
  /** The day the change happened, as the supervisor gives it. */
  notedOn: string;
  /** The first day of the report's period: nothing is done about a recommendation before its period began. */
  periodFrom: string;
  today: string;
}

/**
 * Whether a status change may be recorded: an allowed move, always with a note, with evidence when it is done
 * (a document, a photo's address, a decree number), dated within the period's start and today.
 */
export function checkStatusChange(change: StatusChange): { ok: true } | ({ ok: false } & StatusChangeRefusal) {
  if (!NEXT[change.from].includes(change.to)) return { ok: false, field: "status", reason: "notAllowed" };
  if (change.note.trim() === "") return { ok: false, field: "note", reason: "noteRequired" };
  if (change.to === "done" && change.evidence.trim() === "") return { ok: false, field: "evidence", reason: "evidenceRequired" };
  if (change.notedOn > change.today) return { ok: false, field: "notedOn", reason: "future" };
  if (change.notedOn < change.periodFrom) return { ok: false, field: "notedOn", reason: "beforePeriod" };
  return { ok: true };
}

/** A new recommendation is due on or after the first day of its report's period. */
export function checkDueDate(dueOn: string, periodFrom: string): { ok: true } | { ok: false; reason: "beforePeriod" } {
  return dueOn < periodFrom ? { ok: false, reason: "beforePeriod" } : { ok: true };
}

/** An open recommendation is late from the day after its due date. */
export function isRecommendationLate(recommendation: { status: RecommendationStatus; dueOn: string }, today: string): boolean {
  return recommendation.status !== "done" && recommendation.dueOn < today;
}

export function publicStateOf(recommendation: { status: RecommendationStatus; dueOn: string }, today: string): PublicRecommendationState {
  return isRecommendationLate(recommendation, today) ? "late" : recommendation.status;
}

/** Recommendations in reading order: the lowest element's first, then by element, then by due date. */
export function inReadingOrder<R extends { element: ElementCode; dueOn: string; id: number }>(recommendations: readonly R[], lowest: ElementCode | null): R[] {
  return [...recommendations].sort(
    (a, b) =>
      Number(b.element === lowest) - Number(a.element === lowest) ||
      elementOrder(a.element) - elementOrder(b.element) ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.id - b.id,
  );
}

/** How many of the recommendations are done, for "2 of 3 done". */
export function doneCount(recommendations: readonly { status: RecommendationStatus }[]): number {
  return recommendations.filter((recommendation) => recommendation.status === "done").length;
}
