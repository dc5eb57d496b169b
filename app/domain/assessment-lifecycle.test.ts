import { describe, expect, it } from "vitest";
import {
  allowedAssessmentActions,
  assessmentVerdict,
  latestVersionOf,
  type AssessmentAction,
  type AssessmentState,
  type AssessmentViewer,
  type LatestVersion,
} from "./assessment-lifecycle";

const ASSESSOR_ID = 10;
const assessor: AssessmentViewer = { officerId: ASSESSOR_ID, isAssessor: true, isOfficer: false, isDecider: false };
const officer: AssessmentViewer = { officerId: 20, isAssessor: false, isOfficer: true, isDecider: false };
const head: AssessmentViewer = { officerId: 5, isAssessor: false, isOfficer: false, isDecider: true };
const colleague: AssessmentViewer = { officerId: 30, isAssessor: false, isOfficer: false, isDecider: false };

const version = (overrides: Partial<LatestVersion> = {}): LatestVersion => ({
  assessorOfficerId: ASSESSOR_ID,
  finalByDecision: false,
  response: null,
  decided: false,
  ...overrides,
});

const state = (overrides: Partial<AssessmentState> = {}): AssessmentState => ({
  planApproved: true,
  periodEnded: true,
  latest: null,
  objectionWindowOpen: true,
  ...overrides,
});

describe("the life of an assessment", () => {
  const cases: Array<[string, AssessmentState, AssessmentViewer, AssessmentAction, true | string]> = [
    ["the assessor finalises an approved plan whose period has ended", state(), assessor, "finalise", true],
    ["not before the period ends", state({ periodEnded: false }), assessor, "finalise", "periodNotOver"],
    ["not a plan still in draft", state({ planApproved: false }), assessor, "finalise", "planNotApproved"],
    ["not twice", state({ latest: version() }), assessor, "finalise", "alreadyFinal"],
    ["not a colleague", state(), colleague, "finalise", "notAssessor"],
    ["not the officer", state(), officer, "finalise", "notAssessor"],
    ["the officer acknowledges a final version", state({ latest: version() }), officer, "acknowledge", true],
    ["and may object while the window is open", state({ latest: version() }), officer, "object", true],
    [
      "but not once it has closed",
      state({ latest: version(), objectionWindowOpen: false }),
      officer,
      "object",
      "windowClosed",
    ],
    [
      "acknowledging stays possible after the window",
      state({ latest: version(), objectionWindowOpen: false }),
      officer,
      "acknowledge",
      true,
    ],
    [
      "one answer per version",
      state({ latest: version({ response: "acknowledged" }) }),
      officer,
      "object",
      "alreadyResponded",
    ],
    ["nothing to answer before finalising", state(), officer, "acknowledge", "notFinal"],
    ["only the officer answers", state({ latest: version() }), colleague, "object", "notYours"],
    ["the head decides an objection", state({ latest: version({ response: "objected" }) }), head, "decide", true],
    [
      "not an acknowledged version",
      state({ latest: version({ response: "acknowledged" }) }),
      head,
      "decide",
      "notObjected",
    ],
    [
      "not twice",
      state({ latest: version({ response: "objected", decided: true }) }),
      head,
      "decide",
      "alreadyDecided",
    ],
    ["not the assessor", state({ latest: version({ response: "objected" }) }), assessor, "decide", "notDecider"],
    ["the assessor amends a final version", state({ latest: version() }), assessor, "amend", true],
    [
      "not while an objection waits",
      state({ latest: version({ response: "objected" }) }),
      assessor,
      "amend",
      "objectionPending",
    ],
    [
      "not a version the head decided",
      state({ latest: version({ finalByDecision: true }) }),
      assessor,
      "amend",
      "decisionIsFinal",
    ],
    [
      "nor may the officer answer it",
      state({ latest: version({ finalByDecision: true }) }),
      officer,
      "object",
      "decisionIsFinal",
    ],
    [
      "another supervisor does not amend",
      state({ latest: version() }),
      { ...assessor, officerId: 11 },
      "amend",
      "notAssessor",
    ],
    ["the assessor recommends development after finalising", state({ latest: version() }), assessor, "develop", true],
    ["not before", state(), assessor, "develop", "notFinal"],
  ];

  it.each(cases)("%s", (_name, given, viewer, action, expected) => {
    const verdict = assessmentVerdict(given, viewer, action);
    expect(verdict).toEqual(expected === true ? { ok: true } : { ok: false, reason: expected });
  });

  it("gives a page one flag per action, each the verdict of its command", () => {
    const given = state({ latest: version() });
    expect(allowedAssessmentActions(given, officer)).toEqual({
      finalise: false,
      amend: false,
      acknowledge: true,
      object: true,
      decide: false,
      develop: false,
    });
    expect(allowedAssessmentActions(given, assessor)).toMatchObject({ amend: true, develop: true, finalise: false });
  });

  it("reads a stored version: an objection without a decision is pending, none at all is no version", () => {
    expect(latestVersionOf(undefined)).toBeNull();
    const pending = latestVersionOf({
      assessorOfficerId: ASSESSOR_ID,
      finalByDecision: false,
      responseKind: "objected",
      decisionOutcome: null,
    });
    expect(assessmentVerdict(state({ latest: pending }), head, "decide")).toEqual({ ok: true });
    expect(assessmentVerdict(state({ latest: pending }), assessor, "amend")).toEqual({
      ok: false,
      reason: "objectionPending",
    });
  });
});
