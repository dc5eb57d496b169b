import type { ColumnType, Generated } from "kysely";

import type { Columns, DateOnly, Json, Timestamp } from "./columns";

// numeric: db/connect.ts turns it into a number.
type Numeric = ColumnType<number, number | string, number | string>;

export type PeriodKind = "monthly" | "quarterly" | "annual";
export type PlanStatus = "draft" | "submitted" | "returned" | "approved";
export type PortalIndicator = "officer_service_score" | "unit_ikm" | "complaint_followup_share";
export type ReviewKind = "self" | "peer" | "supervisor";
export type RatingValue = "di_atas" | "sesuai" | "di_bawah";
export type PredikatValue = "sangat_baik" | "baik" | "butuh_perbaikan" | "kurang_misconduct" | "sangat_kurang";
export type OrganisationPredikatValue = "istimewa" | "baik" | "butuh_perbaikan" | "kurang" | "sangat_kurang";

export interface SkpPlansTable {
  id: Generated<number>;
  agency_id: number;
  officer_id: number;
  unit_id: number;
  period_kind: PeriodKind;
  period_start: DateOnly;
  period_end: DateOnly;
  status: Generated<PlanStatus>;
  return_comment: string | null;
  created_at: Generated<Date>;
  submitted_at: Timestamp | null;
  approved_at: Timestamp | null;
  approved_by_user_id: number | null;
}

export interface SkpResultsTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  description: string;
  indicator: string;
  target: Numeric;
  unit_of_measure: string;
  portal_indicator: PortalIndicator | null;
  removed_at: Timestamp | null;
}

export interface SkpBehavioursTable {
  plan_id: number;
  value: string;
  expectation: string;
}

export interface SkpAchievementsTable {
  id: Generated<number>;
  agency_id: number;
  plan_id: number;
  result_id: number | null;
  achieved_on: DateOnly;
  description: string;
  quantity: Numeric | null;
  evidence_file: string | null;
  evidence_name: string | null;
  evidence_mime: string | null;
  evidence_bytes: number | null;
  created_by_user_id: number;
  created_at: Generated<Date>;
}

export interface SkpFeedbackTable {
  id: Generated<number>;
  plan_id: number;
  achievement_id: number | null;
  author_user_id: number;
  body: string;
  created_at: Generated<Date>;
}

export interface SkpPeersTable {
  plan_id: number;
  peer_officer_id: number;
  chosen_by_user_id: number;
  created_at: Generated<Date>;
}

export interface SkpReviewsTable {
  id: Generated<number>;
  plan_id: number;
  /** The reviewing officer; null for a peer who answered through a one-time link. */
  reviewer_officer_id: number | null;
  peer_link_id: number | null;
  kind: ReviewKind;
  value: string;
  rating: RatingValue;
  justification: string;
  created_at: Generated<Date>;
}

/** A one-time link through which a peer without an account reviews (only the link's keyed hash is kept). */
export interface SkpPeerLinksTable {
  id: Generated<number>;
  plan_id: number;
  peer_name: string;
  peer_email: string | null;
  token_hash: string;
  invited_by_user_id: number;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface AssessmentsTable {
  id: Generated<number>;
  agency_id: number;
  plan_id: number;
  officer_id: number;
  assessor_officer_id: number;
  version: number;
  rating_hasil_kerja: RatingValue;
  rating_perilaku: RatingValue;
  justification_hasil_kerja: string | null;
  justification_perilaku: string | null;
  predikat: PredikatValue;
  evidence: Json;
  amendment_reason: string | null;
  final_by_decision: Generated<boolean>;
  finalised_by_user_id: number;
  finalised_at: Timestamp;
}

export interface AssessmentResponsesTable {
  id: Generated<number>;
  assessment_id: number;
  kind: "acknowledged" | "objected";
  reason: string | null;
  responded_by_user_id: number;
  responded_at: Timestamp;
}

export interface ObjectionDecisionsTable {
  id: Generated<number>;
  response_id: number;
  outcome: "upheld" | "rejected";
  reason: string;
  new_assessment_id: number | null;
  decided_by_user_id: number;
  decided_at: Timestamp;
}

export interface DevelopmentItemsTable {
  id: Generated<number>;
  agency_id: number;
  officer_id: number;
  source_plan_id: number | null;
  kind: "training" | "commendation";
  topic: string;
  note: string | null;
  created_by_user_id: number;
  created_at: Generated<Date>;
}

export interface UnitAssessmentSettingsTable {
  unit_id: number;
  organisation_predikat: Generated<OrganisationPredikatValue>;
  updated_by_user_id: number | null;
  updated_at: Generated<Date>;
}

export interface AssessmentsTables {
  skp_plans: SkpPlansTable;
  skp_results: SkpResultsTable;
  skp_behaviours: SkpBehavioursTable;
  skp_achievements: SkpAchievementsTable;
  skp_feedback: SkpFeedbackTable;
  skp_peers: SkpPeersTable;
  skp_reviews: SkpReviewsTable;
  skp_peer_links: SkpPeerLinksTable;
  assessments: AssessmentsTable;
  assessment_responses: AssessmentResponsesTable;
  objection_decisions: ObjectionDecisionsTable;
  development_items: DevelopmentItemsTable;
  unit_assessment_settings: UnitAssessmentSettingsTable;
}

export const ASSESSMENTS_COLUMNS = {
  skp_plans: {
    id: true,
    agency_id: true,
    officer_id: true,
    unit_id: true,
    period_kind: true,
    period_start: "date",
    period_end: "date",
    status: true,
    return_comment: true,
    created_at: true,
    submitted_at: true,
    approved_at: true,
    approved_by_user_id: true,
  },
  skp_results: {
    id: true,
    plan_id: true,
    position: true,
    description: true,
    indicator: true,
    target: true,
    unit_of_measure: true,
    portal_indicator: true,
    removed_at: true,
  },
  skp_behaviours: { plan_id: true, value: true, expectation: true },
  skp_achievements: {
    id: true,
    agency_id: true,
    plan_id: true,
    result_id: true,
    achieved_on: "date",
    description: true,
    quantity: true,
    evidence_file: true,
    evidence_name: true,
    evidence_mime: true,
    evidence_bytes: true,
    created_by_user_id: true,
    created_at: true,
  },
  skp_feedback: { id: true, plan_id: true, achievement_id: true, author_user_id: true, body: true, created_at: true },
  skp_peer_links: {
    id: true,
    plan_id: true,
    peer_name: true,
    peer_email: true,
    token_hash: true,
    invited_by_user_id: true,
    created_at: true,
    expires_at: true,
    used_at: true,
  },
  skp_peers: { plan_id: true, peer_officer_id: true, chosen_by_user_id: true, created_at: true },
  skp_reviews: {
    id: true,
    plan_id: true,
    reviewer_officer_id: true,
    peer_link_id: true,
    kind: true,
    value: true,
    rating: true,
    justification: true,
    created_at: true,
  },
  assessments: {
    id: true,
    agency_id: true,
    plan_id: true,
    officer_id: true,
    assessor_officer_id: true,
    version: true,
    rating_hasil_kerja: true,
    rating_perilaku: true,
    justification_hasil_kerja: true,
    justification_perilaku: true,
    predikat: true,
    evidence: true,
    amendment_reason: true,
    final_by_decision: true,
    finalised_by_user_id: true,
    finalised_at: true,
  },
  assessment_responses: {
    id: true,
    assessment_id: true,
    kind: true,
    reason: true,
    responded_by_user_id: true,
    responded_at: true,
  },
  objection_decisions: {
    id: true,
    response_id: true,
    outcome: true,
    reason: true,
    new_assessment_id: true,
    decided_by_user_id: true,
    decided_at: true,
  },
  development_items: {
    id: true,
    agency_id: true,
    officer_id: true,
    source_plan_id: true,
    kind: true,
    topic: true,
    note: true,
    created_by_user_id: true,
    created_at: true,
  },
  unit_assessment_settings: { unit_id: true, organisation_predikat: true, updated_by_user_id: true, updated_at: true },
} satisfies Columns<AssessmentsTables>;
