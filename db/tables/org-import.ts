import type { Generated } from "kysely";

import type { Columns, DateOnly, Json, Timestamp } from "./columns";

// Times arrive as "08:00:00"; DATE columns as "YYYY-MM-DD" (db/connect.ts).

export interface CounterOldCodesTable {
  public_code: string;
  counter_id: number;
  replaced_at: Generated<Date>;
}

export interface DutyPatternsTable {
  id: Generated<number>;
  counter_id: number;
  officer_id: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  starts: string;
  ends: string;
  valid_from: DateOnly;
  valid_to: DateOnly;
  created_at: Generated<Date>;
}

export interface DutyExceptionsTable {
  id: Generated<number>;
  counter_id: number;
  on_date: DateOnly;
  absent_officer_id: number | null;
  replacement_officer_id: number | null;
  starts: string | null;
  ends: string | null;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface OrganisationImportsTable {
  id: Generated<number>;
  agency_id: number;
  actor_user_id: number | null;
  source: string;
  summary: Json;
  created_at: Timestamp & Generated<Date>;
}

export interface OrganisationImportUploadsTable {
  id: Generated<number>;
  agency_id: number;
  created_by: number;
  source: string;
  files: Json;
  retire_missing: Generated<boolean>;
  created_at: Generated<Date>;
  applied_import_id: number | null;
}

export interface OrgImportTables {
  counter_old_codes: CounterOldCodesTable;
  duty_patterns: DutyPatternsTable;
  duty_exceptions: DutyExceptionsTable;
  organisation_imports: OrganisationImportsTable;
  organisation_import_uploads: OrganisationImportUploadsTable;
}

export const ORG_IMPORT_COLUMNS = {
  counter_old_codes: { public_code: true, counter_id: true, replaced_at: true },
  duty_patterns: { id: true, counter_id: true, officer_id: true, weekdays: true, starts: true, ends: true, valid_from: "date", valid_to: "date", created_at: true },
  duty_exceptions: { id: true, counter_id: true, on_date: "date", absent_officer_id: true, replacement_officer_id: true, starts: true, ends: true, note: true, created_by: true, created_at: true },
  organisation_imports: { id: true, agency_id: true, actor_user_id: true, source: true, summary: true, created_at: true },
  organisation_import_uploads: { id: true, agency_id: true, created_by: true, source: true, files: true, retire_missing: true, created_at: true, applied_import_id: true },
} satisfies Columns<OrgImportTables>;
