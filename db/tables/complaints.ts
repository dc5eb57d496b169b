import type { ColumnType, Generated } from "kysely";

import type { Columns, DateOnly, Json, Timestamp } from "./columns";

export type ComplaintStatusColumn =
  | "diterima"
  | "terverifikasi"
  | "ditunda"
  | "bukan_wewenang"
  | "diarsipkan"
  | "diteruskan"
  | "ditindaklanjuti"
  | "ditanggapi"
  | "selesai";
export type ComplaintCategoryColumn = "aspirasi" | "pengaduan" | "permintaan_informasi";
export type VisibilityColumn = "public" | "anonim" | "rahasia";

export interface HolidaysTable {
  id: Generated<number>;
  date: DateOnly;
  name: string;
  kind: "libur_nasional" | "cuti_bersama" | "libur_daerah";
  agency_id: number | null;
  estimated: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface ComplaintsTable {
  id: Generated<number>;
  agency_id: number;
  tracking_code: string;
  received_unit_id: number;
  counter_id: number | null;
  service_id: number | null;
  reported_officer_id: number | null;
  reported_category: ComplaintCategoryColumn;
  body: string;
  visit_date: DateOnly;
  visited_at: Timestamp | null;
  late_filing: Generated<boolean>;
  status: ComplaintStatusColumn;
  visibility: VisibilityColumn;
  category: ComplaintCategoryColumn | null;
  submitted_at: Timestamp;
  verification_clock_from: Timestamp;
  verified_at: Timestamp | null;
  postponed_from: "diterima" | "terverifikasi" | null;
  postpone_reason: string | null;
  referred_to: string | null;
  archive_reason: "spam" | "duplicate" | "other" | null;
  archive_note: string | null;
  unit_id: number | null;
  officer_id: number | null;
  forwarded_at: Timestamp | null;
  follow_up_clock_from: Timestamp | null;
  followed_up_at: Timestamp | null;
  citizen_responded_at: Timestamp | null;
  reopen_count: Generated<number>;
  escalated: Generated<boolean>;
  closed_at: Timestamp | null;
  closure_kind: "closed" | "auto_closed" | null;
  upheld: boolean | null;
  handling_rating: number | null;
  updated_at: Generated<Date>;
}

export interface ComplaintEventsTable {
  id: ColumnType<number, never, never>; // bigint identity, read as a number
  complaint_id: number;
  agency_id: number;
  at: Timestamp;
  type: string;
  actor_role: string;
  actor_user_id: number | null;
  from_status: ComplaintStatusColumn | null;
  to_status: ComplaintStatusColumn;
  details: Json<Record<string, unknown>>;
}

export interface ComplaintContactsTable {
  complaint_id: number;
  agency_id: number;
  name: string | null;
  phone: string | null;
  email: string | null;
  show_name: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface ComplaintAttachmentsTable {
  id: Generated<number>;
  complaint_id: number;
  agency_id: number;
  stored_name: string;
  original_name: string;
  media_type: "image/jpeg" | "image/png" | "application/pdf";
  size_bytes: number;
  sha256: string;
  created_at: Generated<Date>;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  agency_id: number | null;
  kind: string;
  complaint_id: number | null;
  params: Json<Record<string, unknown>>;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface ComplaintsTables {
  holidays: HolidaysTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  complaint_contacts: ComplaintContactsTable;
  complaint_attachments: ComplaintAttachmentsTable;
  notifications: NotificationsTable;
}

export const COMPLAINTS_COLUMNS = {
  holidays: { id: true, date: "date", name: true, kind: true, agency_id: true, estimated: true, created_at: true },
  complaints: {
    id: true, agency_id: true, tracking_code: true, received_unit_id: true, counter_id: true, service_id: true,
    reported_officer_id: true, reported_category: true, body: true, visit_date: "date", visited_at: true,
    late_filing: true, status: true, visibility: true, category: true, submitted_at: true,
    verification_clock_from: true, verified_at: true, postponed_from: true, postpone_reason: true,
    referred_to: true, archive_reason: true, archive_note: true, unit_id: true, officer_id: true,
    forwarded_at: true, follow_up_clock_from: true, followed_up_at: true, citizen_responded_at: true,
    reopen_count: true, escalated: true, closed_at: true, closure_kind: true, upheld: true,
    handling_rating: true, updated_at: true,
  },
  complaint_events: { id: true, complaint_id: true, agency_id: true, at: true, type: true, actor_role: true, actor_user_id: true, from_status: true, to_status: true, details: true },
  complaint_contacts: { complaint_id: true, agency_id: true, name: true, phone: true, email: true, show_name: true, created_at: true },
  complaint_attachments: { id: true, complaint_id: true, agency_id: true, stored_name: true, original_name: true, media_type: true, size_bytes: true, sha256: true, created_at: true },
  notifications: { id: true, user_id: true, agency_id: true, kind: true, complaint_id: true, params: true, dedupe_key: true, created_at: true, read_at: true },
} satisfies Columns<ComplaintsTables>;
