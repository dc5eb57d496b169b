import type { Generated } from "kysely";

import type { Columns, DateOnly, Json, Timestamp } from "./columns";


export const STAKEHOLDER_GROUPS = ["service_users", "academics", "agencies", "civil_society", "media"] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const ITEM_SOURCES = ["spoken", "written", "online"] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

export const ACTION_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An SKM element code (U1..U9) or "other". */
export type ElementColumn = string;

export interface ForumsTable {
  id: Generated<number>;
  agency_id: number;
  unit_id: number;
  title: string;
  held_on: DateOnly;
  start_time: string | null;
  place: string;
  agenda: string;
  chair_name: string;
  note_taker_name: string;
  input_open: Generated<boolean>;
  next_item_number: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface ForumServicesTable {
  forum_id: number;
  service_id: number;
}

export interface ForumAttendanceTable {
  forum_id: number;
  agency_id: number;
  stakeholder_group: StakeholderGroup;
  head_count: number;
  named_attendees: Generated<string>;
}

export interface ForumThemesTable {
  id: Generated<number>;
  forum_id: number;
  agency_id: number;
  label: string;
  top_terms: Generated<string>;
  suggested_element: ElementColumn;
  suggested_words: Generated<string>;
  element: ElementColumn | null;
  priority: Generated<number>;
  accepted: Generated<boolean>;
  summary: Generated<string>;
  created_at: Generated<Date>;
}

export interface ForumItemsTable {
  id: Generated<number>;
  forum_id: number;
  agency_id: number;
  number: number;
  body: string;
  source: ItemSource;
  stakeholder_group: StakeholderGroup | null;
  submitter_name: string | null;
  show_name: Generated<boolean>;
  moderation: "pending" | "accepted";
  hidden_reason: string | null;
  hidden_at: Timestamp | null;
  merged_into_id: number | null;
  theme_id: number | null;
  suggested_element: ElementColumn;
  suggested_words: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Set by the moderator when the theme's summary does not reflect this input; shown publicly. */
  not_reflected_reason: string | null;
}

export interface ForumThemeCitationsTable {
  theme_id: number;
  item_id: number;
}

export interface ForumRecordsTable {
  id: Generated<number>;
  forum_id: number;
  agency_id: number;
  version: number;
  status: "draft" | "published" | "superseded";
  correction_reason: string | null;
  agreements: Generated<string>;
  dissent: Generated<string>;
  approved_by_name: string | null;
  approved_on: DateOnly | null;
  approval_recorded_by: number | null;
  approval_recorded_at: Timestamp | null;
  community_rep_name: string | null;
  community_signed_on: DateOnly | null;
  published_at: Timestamp | null;
  published_by: number | null;
  snapshot: Json | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface ForumActionsTable {
  id: Generated<number>;
  forum_id: number;
  agency_id: number;
  theme_id: number | null;
  description: string;
  responsible_unit_id: number;
  responsible_officer: string | null;
  due_on: DateOnly;
  element: ElementColumn | null;
  status: Generated<ActionStatus>;
  drop_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ForumActionUpdatesTable {
  id: Generated<number>;
  action_id: number;
  agency_id: number;
  at: Timestamp;
  status: ActionStatus;
  note: string;
  user_id: number | null;
  /** A link or a short description of the evidence (an update to done needs one); shown publicly. */
  evidence: string | null;
  /** An evidence file (photo or PDF) in the portal's file store ("evidence" area): its key, name, type and size. */
  evidence_file: string | null;
  evidence_file_name: string | null;
  evidence_file_type: "image/jpeg" | "image/png" | "application/pdf" | null;
  evidence_file_bytes: number | null;
}

export interface ForumsTables {
  forums: ForumsTable;
  forum_services: ForumServicesTable;
  forum_attendance: ForumAttendanceTable;
  forum_themes: ForumThemesTable;
  forum_items: ForumItemsTable;
  forum_theme_citations: ForumThemeCitationsTable;
  forum_records: ForumRecordsTable;
  forum_actions: ForumActionsTable;
  forum_action_updates: ForumActionUpdatesTable;
}

export const FORUMS_COLUMNS = {
  forums: { id: true, agency_id: true, unit_id: true, title: true, held_on: "date", start_time: true, place: true, agenda: true, chair_name: true, note_taker_name: true, input_open: true, next_item_number: true, created_by: true, created_at: true },
  forum_services: { forum_id: true, service_id: true },
  forum_attendance: { forum_id: true, agency_id: true, stakeholder_group: true, head_count: true, named_attendees: true },
  forum_themes: { id: true, forum_id: true, agency_id: true, label: true, top_terms: true, suggested_element: true, suggested_words: true, element: true, priority: true, accepted: true, summary: true, created_at: true },
  forum_items: { id: true, forum_id: true, agency_id: true, number: true, body: true, source: true, stakeholder_group: true, submitter_name: true, show_name: true, moderation: true, hidden_reason: true, hidden_at: true, merged_into_id: true, theme_id: true, suggested_element: true, suggested_words: true, created_by: true, created_at: true, updated_at: true, not_reflected_reason: true },
  forum_theme_citations: { theme_id: true, item_id: true },
  forum_records: { id: true, forum_id: true, agency_id: true, version: true, status: true, correction_reason: true, agreements: true, dissent: true, approved_by_name: true, approved_on: "date", approval_recorded_by: true, approval_recorded_at: true, community_rep_name: true, community_signed_on: "date", published_at: true, published_by: true, snapshot: true, created_by: true, created_at: true },
  forum_actions: { id: true, forum_id: true, agency_id: true, theme_id: true, description: true, responsible_unit_id: true, responsible_officer: true, due_on: "date", element: true, status: true, drop_reason: true, created_at: true, updated_at: true },
  forum_action_updates: { id: true, action_id: true, agency_id: true, at: true, status: true, note: true, user_id: true, evidence: true, evidence_file: true, evidence_file_name: true, evidence_file_type: true, evidence_file_bytes: true },
} satisfies Columns<ForumsTables>;
