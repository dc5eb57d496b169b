import type { ColumnType, Generated } from "kysely";

import type { Columns, Json, Timestamp } from "./columns";

export const ROLES = ["admin", "supervisor", "officer", "moderator", "complaint_handler"] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = [
  "pemda",
  "sekretariat",
  "dinas",
  "badan",
  "kecamatan",
  "kelurahan",
  "desa",
  "puskesmas",
  "rsud",
  "sekolah",
  "kantor",
  "lainnya",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface AgenciesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  province: string;
  time_zone: Generated<string>;
  created_at: Generated<Date>;
  /** Full surveys a unit's or service's IKM needs before the public and open data see it. */
  public_min_surveys: Generated<number>;
  /** Ratings an officer needs before being scored and ranked. */
  officer_ranking_min: Generated<number>;
  /** Abuse limits per counter and day; null follows the environment's default. */
  rating_limit_per_device: number | null;
  rating_limit_per_ip: number | null;
  kiosk_min_interval_seconds: number | null;
  updated_at: Timestamp | null;
  /** Days back an achievement may be logged (today counts as 0). */
  achievement_backdate_days: Generated<number>;
  /** Days before 31 December an annual assessment may be finalised. */
  year_end_grace_days: Generated<number>;
}

export interface UnitsTable {
  id: Generated<number>;
  agency_id: number;
  parent_id: number | null;
  path: Generated<string>;
  kind: UnitKind;
  name: string;
  slug: string;
  address: string | null;
  code: string | null;
  retired_at: Timestamp | null;
  created_at: Generated<Date>;
  /** IKM weights per element as exact fractions ("1/9"); null: 1/9 each. */
  ikm_weights: Json<Record<string, string>> | null;
  /** How officers' names show on the unit's public counter pages. */
  officer_name_display: Generated<"full" | "first_initial" | "initials">;
  /** Other names citizens search the unit by, separated by commas ("" for none). */
  search_names: Generated<string>;
}

export interface ServicesTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  requirements: string;
  procedure: string;
  completion_days: number;
  fee_rupiah: ColumnType<number, number | undefined, number>;
  product: string;
  complaint_channel: string;
  code: string | null;
  users_per_year: number | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface CountersTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  public_code: string;
  code: string | null;
  retired_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface CounterServicesTable {
  counter_id: number;
  service_id: number;
}

export interface OfficersTable {
  id: Generated<number>;
  agency_id: number;
  unit_id: number;
  nip: string;
  name: string;
  position: string;
  rank: string;
  supervisor_id: number | null;
  email: string | null;
  retired_at: Timestamp | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface DutyRosterTable {
  id: Generated<number>;
  officer_id: number;
  counter_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** The weekly pattern or the single-day exception this shift was generated from (null: entered directly). */
  pattern_id: number | null;
  exception_id: number | null;
}

export interface UsersTable {
  id: Generated<number>;
  username: string | null;
  officer_id: number | null;
  display_name: string;
  /** Null: the account awaits activation and cannot sign in. */
  password_hash: string | null;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  email: string | null;
  /** Keeps the platform-wide lists (national holidays); not tied to an agency. */
  platform_admin: Generated<boolean>;
  password_changed_at: Timestamp | null;
}

export interface UserRolesTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  unit_id: number;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: ColumnType<number, never, never>; // bigint identity, read as a number
  at: Generated<Date>;
  actor_user_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}

export interface OrganisationTables {
  agencies: AgenciesTable;
  units: UnitsTable;
  services: ServicesTable;
  counters: CountersTable;
  counter_services: CounterServicesTable;
  officers: OfficersTable;
  duty_roster: DutyRosterTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  cache_versions: CacheVersionsTable;
}

/** A number per in-memory cache that moves with every committed change the cache depends on (migration 0022). */
export interface CacheVersionsTable {
  name: string;
  version: ColumnType<number, never, never>;
}

// Every column by table: the compiler checks these lists against the interfaces, and
// tests/integration/schema.test.ts checks them against the migrated database.
export const ORGANISATION_COLUMNS = {
  agencies: { id: true, slug: true, name: true, province: true, time_zone: true, created_at: true, public_min_surveys: true, officer_ranking_min: true, rating_limit_per_device: true, rating_limit_per_ip: true, kiosk_min_interval_seconds: true, updated_at: true, achievement_backdate_days: true, year_end_grace_days: true },
  units: { id: true, agency_id: true, parent_id: true, path: true, kind: true, name: true, slug: true, address: true, code: true, retired_at: true, created_at: true, ikm_weights: true, officer_name_display: true, search_names: true },
  services: { id: true, unit_id: true, name: true, requirements: true, procedure: true, completion_days: true, fee_rupiah: true, product: true, complaint_channel: true, code: true, users_per_year: true, active: true, created_at: true },
  counters: { id: true, unit_id: true, name: true, public_code: true, code: true, retired_at: true, created_at: true },
  counter_services: { counter_id: true, service_id: true },
  officers: { id: true, agency_id: true, unit_id: true, nip: true, name: true, position: true, rank: true, supervisor_id: true, email: true, retired_at: true, active: true, created_at: true },
  duty_roster: { id: true, officer_id: true, counter_id: true, starts_at: true, ends_at: true, pattern_id: true, exception_id: true },
  users: { id: true, username: true, officer_id: true, display_name: true, password_hash: true, failed_attempts: true, locked_until: true, active: true, created_at: true, email: true, platform_admin: true, password_changed_at: true },
  user_roles: { id: true, user_id: true, role: true, unit_id: true, created_at: true },
  sessions: { id: true, user_id: true, created_at: true, expires_at: true },
  audit_log: { id: true, at: true, actor_user_id: true, action: true, subject_type: true, subject_id: true, before: true, after: true, prev_hash: true, hash: true },
  cache_versions: { name: true, version: true },
} satisfies Columns<OrganisationTables>;
