import type { Generated } from "kysely";
import type { Columns, DateOnly } from "./columns";


export interface SkmReportsTable {
  id: Generated<number>;
  unit_id: number;
  period_from: DateOnly;
  period_to: DateOnly;
  recommendations: Generated<string>;
  previous_follow_up: Generated<string>;
  updated_by: number;
  updated_at: Generated<Date>;
}

export type RecommendationStatusColumn = "planned" | "in_progress" | "done";

export interface SkmRecommendationsTable {
  id: Generated<number>;
  unit_id: number;
  service_id: number | null;
  period_from: DateOnly;
  period_to: DateOnly;
  element: string;
  action: string;
  responsible: string;
  due_on: DateOnly;
  status: Generated<RecommendationStatusColumn>;
  created_by: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SkmRecommendationUpdatesTable {
  id: Generated<number>;
  recommendation_id: number;
  status_from: RecommendationStatusColumn;
  status_to: RecommendationStatusColumn;
  noted_on: DateOnly;
  note: string;
  evidence: Generated<string>;
  created_by: number;
  created_at: Generated<Date>;
}

export interface SkmReportsTables {
  skm_reports: SkmReportsTable;
  skm_recommendations: SkmRecommendationsTable;
  skm_recommendation_updates: SkmRecommendationUpdatesTable;
}

export const SKM_REPORTS_COLUMNS = {
  skm_reports: { id: true, unit_id: true, period_from: "date", period_to: "date", recommendations: true, previous_follow_up: true, updated_by: true, updated_at: true },
  skm_recommendations: {
    id: true,
    unit_id: true,
    service_id: true,
    period_from: "date",
    period_to: "date",
    element: true,
    action: true,
    responsible: true,
    due_on: "date",
    status: true,
    created_by: true,
    created_at: true,
    updated_at: true,
  },
  skm_recommendation_updates: {
    id: true,
    recommendation_id: true,
    status_from: true,
    status_to: true,
    noted_on: "date",
    note: true,
    evidence: true,
    created_by: true,
    created_at: true,
  },
} satisfies Columns<SkmReportsTables>;
