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

export interface SkmReportsTables {
  skm_reports: SkmReportsTable;
}

export const SKM_REPORTS_COLUMNS = {
  skm_reports: { id: true, unit_id: true, period_from: "date", period_to: "date", recommendations: true, previous_follow_up: true, updated_by: true, updated_at: true },
} satisfies Columns<SkmReportsTables>;
