import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

// The Database interface mirrors db/migrations; tests/integration/schema.test.ts checks it against the live schema.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;
// pg returns bigint as a string; db/types.ts turns int8 into number (safe below 2^53, which counts here stay).
type Int8 = ColumnType<number, number | bigint, number | bigint>;

export const ROLES = ["admin", "supervisor", "officer", "moderator", "complaint_handler"] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = [
  "pemda",
  "dinas",
  "badan",
  "kecamatan",
  "kelurahan",
  "puskesmas",
  "rsud",
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
  created_at: Generated<Date>;
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
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface CountersTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  public_code: string;
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
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface DutyRosterTable {
  id: Generated<number>;
  officer_id: number;
  counter_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  username: string | null;
  officer_id: number | null;
  display_name: string;
  password_hash: string;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
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
  id: Generated<Int8>;
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

export interface Database {
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
}

export type Agency = Selectable<AgenciesTable>;
export type Unit = Selectable<UnitsTable>;
export type Service = Selectable<ServicesTable>;
export type Counter = Selectable<CountersTable>;
export type Officer = Selectable<OfficersTable>;
export type User = Selectable<UsersTable>;
export type NewUnit = Insertable<UnitsTable>;
export type UserUpdate = Updateable<UsersTable>;
