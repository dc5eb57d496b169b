import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { latestVersionOf, type AssessmentState, type AssessmentViewer } from "~/domain/assessment-lifecycle";
import { objectionWindow } from "~/domain/predikat";
import { officerAccess, type Viewer } from "../skp/access.server";
import { finaliseTiming } from "../skp/timing.server";
import { timeZoneOf } from "./evidence.server";
import { latestVersion } from "./versions.server";

/** The plan facts the assessment's state depends on. */
export interface AssessedPlan {
  id: number;
  agencyId: number;
  officerId: number;
  status: string;
  /** The SKP period's last day, YYYY-MM-DD. */
  periodEnd: string;
}

export interface AssessmentSituation {
  state: AssessmentState;
  viewer: AssessmentViewer;
  latest: Awaited<ReturnType<typeof latestVersion>>;
  /** When the period has not ended yet: the first day finalising opens (the agency's year-end grace included). */
  finaliseOpensOn: string | null;
  /** The officer's objection window on the latest version. */
  objectionClosesAt: Date | null;
}

/**
 * Reads what the assessment's state machine decides on, for one viewer: the page's buttons and every command
 * (inside its transaction, after locking the plan) call this and then `assessmentVerdict`, so a button is shown
 * exactly when its command would accept it.
 */
export async function assessmentSituation(db: Kysely<Database>, actor: Viewer, plan: AssessedPlan, now: Date): Promise<AssessmentSituation> {
  const [latest, access, timeZone] = await Promise.all([
    latestVersion(db, plan.id),
    officerAccess(db, actor, plan.officerId),
    timeZoneOf(db, plan.agencyId),
  ]);
  const timing = latest ? null : await finaliseTiming(db, { agency_id: plan.agencyId, period_end: plan.periodEnd }, now);
  const window = latest ? objectionWindow(latest.finalisedAt, now, timeZone) : null;
  const assessor = latest
    ? await db.selectFrom("officers").select("supervisor_id").where("id", "=", latest.assessorOfficerId).executeTakeFirst()
    : undefined;
  return {
    state: {
      planApproved: plan.status === "approved",
      periodEnded: timing?.ok ?? true,
      latest: latestVersionOf(latest),
      objectionWindowOpen: window?.open ?? false,
    },
    viewer: {
      officerId: actor.officerId,
      isAssessor: access?.assessor ?? false,
      isOfficer: plan.officerId === actor.officerId,
      isDecider: actor.officerId !== null && assessor?.supervisor_id === actor.officerId,
    },
    latest,
    finaliseOpensOn: timing && !timing.ok ? timing.opensOn : null,
    objectionClosesAt: window?.closesAt ?? null,
  };
}

/** The plan row a command locked, as the state reads it. */
export function assessedPlanOf(plan: { id: number; agency_id: number; officer_id: number; status: string; period_end: string }): AssessedPlan {
  return { id: plan.id, agencyId: plan.agency_id, officerId: plan.officer_id, status: plan.status, periodEnd: plan.period_end };
}
