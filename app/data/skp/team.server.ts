import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import {
  reportWeekState,
  resultsToDate,
  summariseWeek,
  type ReportWeekState,
  type ResultToDate,
  type WeeklySummary,
} from "~/domain/achievement-weeks";
import type { PeriodKind } from "~/domain/skp";
import { addCalendarDays, startOfLocalDay } from "~/domain/working-days";
import { publish } from "~/platform/pg-events.server";
import type { Viewer } from "./access.server";

// The supervisor's team view: each DIRECT report's week (entries per day, results moving toward their targets,
// the latest entries), and the events that keep the view live. Read only, except announceAchievementChange,
// which runs inside the caller's transaction (PostgreSQL delivers the event on commit, to every process).

export interface TeamResult extends ResultToDate {
  indicator: string;
  target: number;
  unitOfMeasure: string;
  /** Logged this week. */
  thisWeek: number;
}

export interface TeamPlan {
  planId: number;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  results: TeamResult[];
}

export interface TeamMember {
  officerId: number;
  name: string;
  position: string | null;
  state: ReportWeekState;
  week: WeeklySummary;
  plans: TeamPlan[];
  latest: { id: number; planId: number; achievedOn: string; description: string; quantity: number | null; resultIndicator: string | null; createdAt: Date }[];
  /** Feedback notes written on this officer's plans during the week. */
  feedbackThisWeek: number;
}

export const LATEST_ENTRIES = 3;

/** Whether the viewer has direct reports at all (the team view's guard). */
export async function hasDirectReports(db: Kysely<Database>, viewer: Viewer): Promise<boolean> {
  if (viewer.officerId === null) return false;
  const row = await db
    .selectFrom("officers")
    .select("id")
    .where("supervisor_id", "=", viewer.officerId)
    .where("active", "=", true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The week starting `weekStart` for each active direct report of the viewer, by name. */
export async function teamWeek(db: Kysely<Database>, viewer: Viewer, weekStart: string, timeZone: string): Promise<TeamMember[]> {
  if (viewer.officerId === null) return [];
  const weekEnd = addCalendarDays(weekStart, 6);
  const weekFrom = startOfLocalDay(weekStart, timeZone);
  const weekUntil = startOfLocalDay(addCalendarDays(weekStart, 7), timeZone);
  const reports = await db
    .selectFrom("officers")
    .select(["id", "name", "position"])
    .where("supervisor_id", "=", viewer.officerId)
    .where("active", "=", true)
    .orderBy("name")
    .orderBy("id")
    .execute();
  if (reports.length === 0) return [];
  const officerIds = reports.map((report) => report.id);
  const plans = await db
    .selectFrom("skp_plans")
    .select([
      "id",
      "officer_id as officerId",
      "period_kind as periodKind",
      "period_start as periodStart",
      "period_end as periodEnd",
    ])
    .where("officer_id", "in", officerIds)
    .where("status", "=", "approved")
    .where("period_start", "<=", weekEnd)
    .where("period_end", ">=", weekStart)
    .orderBy("period_start")
    .orderBy("id")
    .execute();
  const planIds = plans.map((plan) => plan.id);
  const [results, entries, feedback] =
    planIds.length === 0
      ? [[], [], []]
      : await Promise.all([
          db
            .selectFrom("skp_results")
            .select(["id", "plan_id as planId", "indicator", "target", "unit_of_measure as unitOfMeasure", "portal_indicator as portalIndicator"])
            .where("plan_id", "in", planIds)
            .where("removed_at", "is", null)
            .orderBy("position")
            .execute(),
          db
            .selectFrom("skp_achievements")
            .leftJoin("skp_results", "skp_results.id", "skp_achievements.result_id")
            .select([
              "skp_achievements.id",
              "skp_achievements.plan_id as planId",
              "skp_achievements.achieved_on as achievedOn",
              "skp_achievements.description",
              "skp_achievements.quantity",
              "skp_achievements.result_id as resultId",
              "skp_results.indicator as resultIndicator",
              "skp_achievements.created_at as createdAt",
            ])
            .where("skp_achievements.plan_id", "in", planIds)
            .where("skp_achievements.achieved_on", "<=", weekEnd)
            .orderBy("skp_achievements.created_at", "desc")
            .orderBy("skp_achievements.id", "desc")
            .execute(),
          db
            .selectFrom("skp_feedback")
            .select(["plan_id as planId", "created_at as createdAt"])
            .where("plan_id", "in", planIds)
            .execute(),
        ]);
  return reports.map((report) => {
    const own = plans.filter((plan) => plan.officerId === report.id);
    const ownPlanIds = new Set(own.map((plan) => plan.id));
    const ownEntries = entries.filter((entry) => ownPlanIds.has(entry.planId));
    const week = summariseWeek(ownEntries, weekStart);
    return {
      officerId: report.id,
      name: report.name,
      position: report.position,
      state: reportWeekState(own.length > 0, week),
      week,
      plans: own.map((plan) => {
        const planResults = results.filter((result) => result.planId === plan.id);
        const planEntries = ownEntries.filter((entry) => entry.planId === plan.id);
        const toDate = resultsToDate(
          planResults.map((result) => ({ id: result.id, target: result.target, portal: result.portalIndicator !== null })),
          planEntries,
          weekEnd,
        );
        const weekly = summariseWeek(planEntries, weekStart);
        return {
          planId: plan.id,
          periodKind: plan.periodKind,
          periodStart: plan.periodStart,
          periodEnd: plan.periodEnd,
          results: toDate.map((progress) => {
            const result = planResults.find((r) => r.id === progress.resultId)!;
            return {
              ...progress,
              indicator: result.indicator,
              target: result.target,
              unitOfMeasure: result.unitOfMeasure,
              thisWeek: weekly.perResult.find((r) => r.resultId === result.id)?.quantity ?? 0,
            };
          }),
        };
      }),
      latest: ownEntries.slice(0, LATEST_ENTRIES),
      feedbackThisWeek: feedback.filter((note) => ownPlanIds.has(note.planId) && note.createdAt >= weekFrom && note.createdAt < weekUntil).length,
    };
  });
}

export interface AchievementEvent {
  officerId: number;
  /** The officer's direct supervisor, whose team view shows the change. */
  supervisorId: number | null;
}

/** Tells every open team view (in any process) that an officer's records changed; sent on commit. */
export async function announceAchievementChange(db: Kysely<Database>, officerId: number): Promise<void> {
  const officer = await db.selectFrom("officers").select("supervisor_id").where("id", "=", officerId).executeTakeFirst();
  const event: AchievementEvent = { officerId, supervisorId: officer?.supervisor_id ?? null };
  await publish(db, "suara_achievements", JSON.stringify(event));
}

/** The event's payload, or null when it is not one (events are read from a shared channel). */
export function parseAchievementEvent(payload: string): AchievementEvent | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== "object" || value === null) return null;
    const { officerId, supervisorId } = value as Record<string, unknown>;
    if (typeof officerId !== "number" || !(typeof supervisorId === "number" || supervisorId === null)) return null;
    return { officerId, supervisorId };
  } catch {
    return null;
  }
}
