// The life of an assessment (PermenPANRB 6/2022): the assessor finalises version 1 once the SKP is approved and
// its period has ended; the officer acknowledges or objects within the objection window; an objection is decided
// by the assessor's own supervisor, whose decision is final; until then the assessor may amend (a new version).
// The page's buttons and the commands ask the same function, so a button is shown exactly when its command would
// accept it.

export type AssessmentAction = "finalise" | "amend" | "acknowledge" | "object" | "decide" | "develop";

export type AssessmentRefusal =
  | "notAssessor"
  | "notDecider"
  | "notYours"
  | "planNotApproved"
  | "periodNotOver"
  | "alreadyFinal"
  | "notFinal"
  | "objectionPending"
  | "windowClosed"
  | "alreadyResponded"
  | "decisionIsFinal"
  | "notObjected"
  | "alreadyDecided";

export interface LatestVersion {
  assessorOfficerId: number;
  /** Set by an objection decision: nothing changes it afterwards. */
  finalByDecision: boolean;
  response: "acknowledged" | "objected" | null;
  decided: boolean;
}

export interface AssessmentState {
  planApproved: boolean;
  /** The SKP's period is over (an assessment rates a whole period). */
  periodEnded: boolean;
  latest: LatestVersion | null;
  /** The officer's objection window is open now (14 days from finalising). */
  objectionWindowOpen: boolean;
}

export interface AssessmentViewer {
  officerId: number | null;
  /** The officer's assessor (direct supervisor) by the supervisor chain. */
  isAssessor: boolean;
  /** The officer whose assessment it is. */
  isOfficer: boolean;
  /** The assessor's own supervisor, who decides objections. */
  isDecider: boolean;
}

export type Verdict = { ok: true } | { ok: false; reason: AssessmentRefusal };

const OK: Verdict = { ok: true };
const refuse = (reason: AssessmentRefusal): Verdict => ({ ok: false, reason });

/** Whether `viewer` may take `action` now, and if not, why (the first rule that fails). */
export function assessmentVerdict(state: AssessmentState, viewer: AssessmentViewer, action: AssessmentAction): Verdict {
  const { latest } = state;
  const isLatestAssessor =
    latest !== null && viewer.officerId !== null && latest.assessorOfficerId === viewer.officerId;
  const objectionPending = latest?.response === "objected" && !latest.decided;
  switch (action) {
    case "finalise":
      if (!viewer.isAssessor || viewer.officerId === null) return refuse("notAssessor");
      if (!state.planApproved) return refuse("planNotApproved");
      if (latest) return refuse("alreadyFinal");
      if (!state.periodEnded) return refuse("periodNotOver");
      return OK;
    case "amend":
      if (!latest) return refuse("notFinal");
      if (!isLatestAssessor) return refuse("notAssessor");
      if (latest.finalByDecision) return refuse("decisionIsFinal");
      if (objectionPending) return refuse("objectionPending");
      return OK;
    case "acknowledge":
    case "object":
      if (!viewer.isOfficer) return refuse("notYours");
      if (!latest) return refuse("notFinal");
      if (latest.finalByDecision) return refuse("decisionIsFinal");
      if (latest.response !== null) return refuse("alreadyResponded");
      if (action === "object" && !state.objectionWindowOpen) return refuse("windowClosed");
      return OK;
    case "decide":
      if (!latest) return refuse("notFinal");
      if (!viewer.isDecider) return refuse("notDecider");
      if (latest.response !== "objected") return refuse("notObjected");
      if (latest.decided) return refuse("alreadyDecided");
      return OK;
    case "develop":
      if (!latest) return refuse("notFinal");
      if (!isLatestAssessor) return refuse("notAssessor");
      return OK;
  }
}

/** The latest version as the state machine reads it, from a stored version with its answer and decision. */
export function latestVersionOf(
  row:
    | {
        assessorOfficerId: number;
        finalByDecision: boolean;
        responseKind: "acknowledged" | "objected" | null;
        decisionOutcome: string | null;
      }
    | undefined,
): LatestVersion | null {
  if (!row) return null;
  return {
    assessorOfficerId: row.assessorOfficerId,
    finalByDecision: row.finalByDecision,
    response: row.responseKind,
    decided: row.decisionOutcome !== null,
  };
}

/** Every action's verdict as flags, for a page's buttons. */
export function allowedAssessmentActions(
  state: AssessmentState,
  viewer: AssessmentViewer,
): Record<AssessmentAction, boolean> {
  const actions: AssessmentAction[] = ["finalise", "amend", "acknowledge", "object", "decide", "develop"];
  return Object.fromEntries(actions.map((action) => [action, assessmentVerdict(state, viewer, action).ok])) as Record<
    AssessmentAction,
    boolean
  >;
}
