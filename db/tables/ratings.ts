import type { ColumnType, Generated } from "kysely";
import type { Columns, DateOnly, Json, Timestamp } from "./columns";

export const CHANNELS = ["qr", "kiosk", "web", "paper"] as const;
export type Channel = (typeof CHANNELS)[number];
export const RATING_STATUSES = ["valid", "flagged", "excluded"] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];

type Score = number | null;

export interface RatingsTable {
  id: ColumnType<number, never, never>;
  agency_id: number;
  unit_id: number;
  counter_id: number;
  service_id: number;
  officer_id: number | null;
  /** When the citizen submitted on their device: the visit. Figures and rollups use it. */
  submitted_at: Generated<Date>;
  /** When the server received it (later for a rating queued offline). */
  received_at: Generated<Date>;
  channel: Channel;
  kind: "quick" | "full";
  quick_score: Score;
  u1: Score;
  u2: Score;
  u3: Score;
  u4: Score;
  u5: Score;
  u6: Score;
  u7: Score;
  u8: Score;
  u9: Score;
  sex: string | null;
  age_band: string | null;
  education: string | null;
  occupation: string | null;
  comment: string | null;
  verified: Generated<boolean>;
  status: Generated<RatingStatus>;
  flag_reasons: Generated<string[]>;
  status_reason: string | null;
  officer_attribution_removed: Generated<boolean>;
  idempotency_key: string;
  content_hash: string;
  device_hash: string | null;
  ip_hash: string | null;
  import_id: number | null;
  upgraded_at: Timestamp | null;
  /** When a reviewer last judged a held-back rating valid (its comment joins the officer's batches then). */
  kept_at: Timestamp | null;
}

export interface RatingDailyTable {
  day: DateOnly;
  agency_id: number;
  unit_id: number;
  counter_id: number;
  service_id: number;
  officer_id: number;
  attributed: boolean;
  verified: boolean;
  status: RatingStatus;
  n: number;
  quick_n: number;
  quick_sum: number;
  full_n: number;
  u1_n: number; u1_sum: number; u2_n: number; u2_sum: number; u3_n: number; u3_sum: number;
  u4_n: number; u4_sum: number; u5_n: number; u5_sum: number; u6_n: number; u6_sum: number;
  u7_n: number; u7_sum: number; u8_n: number; u8_sum: number; u9_n: number; u9_sum: number;
  os_n: number;
  os_sum: number;
  os_sumsq: number;
}

export interface RatingImportsTable {
  id: Generated<number>;
  agency_id: number;
  counter_id: number;
  service_id: number;
  period_from: DateOnly;
  period_to: DateOnly;
  file_name: string;
  status: Generated<"preview" | "imported" | "undone">;
  rows: Json;
  bad_rows: Json;
  created_by: number;
  created_at: Generated<Date>;
  imported_at: Timestamp | null;
  undone_at: Timestamp | null;
}

export interface RatingLimitsTable {
  counter_id: number;
  day: DateOnly;
  key_hash: string;
  count: Generated<number>;
  last_at: Generated<Date>;
}

export interface RatingRefusalsTable {
  counter_id: number;
  day: DateOnly;
  reason: string;
  count: Generated<number>;
}

export interface VisitCodesTable {
  id: Generated<number>;
  counter_id: number;
  day: DateOnly;
  code: string;
  created_by: number | null;
  created_at: Generated<Date>;
  used_at: Timestamp | null;
  rating_id: number | null;
}

export interface KioskSessionsTable {
  token: string;
  counter_id: number;
  opened_by: number;
  opened_at: Generated<Date>;
  closed_at: Timestamp | null;
}

export interface RatingContestsTable {
  id: Generated<number>;
  rating_id: number;
  officer_id: number;
  reason_kind: "colleague" | "never_happened" | "abusive";
  reason_text: string;
  status: Generated<"open" | "upheld" | "dismissed">;
  created_by: number;
  created_at: Generated<Date>;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

export interface RatingsTables {
  rating_contests: RatingContestsTable;
  ratings: RatingsTable;
  rating_daily: RatingDailyTable;
  rating_imports: RatingImportsTable;
  rating_limits: RatingLimitsTable;
  rating_refusals: RatingRefusalsTable;
  visit_codes: VisitCodesTable;
  kiosk_sessions: KioskSessionsTable;
}

const elementColumns = { u1: true, u2: true, u3: true, u4: true, u5: true, u6: true, u7: true, u8: true, u9: true } as const;
const elementSums = {
  u1_n: true, u1_sum: true, u2_n: true, u2_sum: true, u3_n: true, u3_sum: true, u4_n: true, u4_sum: true, u5_n: true,
  u5_sum: true, u6_n: true, u6_sum: true, u7_n: true, u7_sum: true, u8_n: true, u8_sum: true, u9_n: true, u9_sum: true,
} as const;

export const RATINGS_COLUMNS = {
  ratings: {
    id: true, agency_id: true, unit_id: true, counter_id: true, service_id: true, officer_id: true, submitted_at: true,
    received_at: true, channel: true, kind: true, quick_score: true, ...elementColumns, sex: true, age_band: true, education: true,
    occupation: true, comment: true, verified: true, status: true, flag_reasons: true, status_reason: true,
    officer_attribution_removed: true, idempotency_key: true, content_hash: true, device_hash: true, ip_hash: true,
    import_id: true, upgraded_at: true, kept_at: true,
  },
  rating_daily: {
    day: "date", agency_id: true, unit_id: true, counter_id: true, service_id: true, officer_id: true, attributed: true,
    verified: true, status: true, n: true, quick_n: true, quick_sum: true, full_n: true, ...elementSums, os_n: true,
    os_sum: true, os_sumsq: true,
  },
  rating_imports: {
    id: true, agency_id: true, counter_id: true, service_id: true, period_from: "date", period_to: "date", file_name: true,
    status: true, rows: true, bad_rows: true, created_by: true, created_at: true, imported_at: true, undone_at: true,
  },
  rating_limits: { counter_id: true, day: "date", key_hash: true, count: true, last_at: true },
  rating_refusals: { counter_id: true, day: "date", reason: true, count: true },
  visit_codes: { id: true, counter_id: true, day: "date", code: true, created_by: true, created_at: true, used_at: true, rating_id: true },
  kiosk_sessions: { token: true, counter_id: true, opened_by: true, opened_at: true, closed_at: true },
  rating_contests: {
    id: true, rating_id: true, officer_id: true, reason_kind: true, reason_text: true, status: true, created_by: true,
    created_at: true, decided_by: true, decided_at: true, decision_note: true,
  },
} satisfies Columns<RatingsTables>;
