import { describe, expect, it } from "vitest";
import type { Database } from "../../db/schema";
import { freshDatabase } from "./database";

// Each list must name every key of its table's interface (the compiler checks `satisfies`),
// and the test checks the live schema has exactly these columns: the types and migrations cannot drift.
type Columns<T> = Record<keyof T, true>;
const EXPECTED = {
  agencies: { id: true, slug: true, name: true, province: true, time_zone: true, created_at: true } satisfies Columns<Database["agencies"]>,
  units: { id: true, agency_id: true, parent_id: true, path: true, kind: true, name: true, slug: true, address: true, created_at: true } satisfies Columns<Database["units"]>,
  services: { id: true, unit_id: true, name: true, requirements: true, procedure: true, completion_days: true, fee_rupiah: true, product: true, complaint_channel: true, active: true, created_at: true } satisfies Columns<Database["services"]>,
  counters: { id: true, unit_id: true, name: true, public_code: true, retired_at: true, created_at: true } satisfies Columns<Database["counters"]>,
  counter_services: { counter_id: true, service_id: true } satisfies Columns<Database["counter_services"]>,
  officers: { id: true, agency_id: true, unit_id: true, nip: true, name: true, position: true, rank: true, supervisor_id: true, active: true, created_at: true } satisfies Columns<Database["officers"]>,
  duty_roster: { id: true, officer_id: true, counter_id: true, starts_at: true, ends_at: true } satisfies Columns<Database["duty_roster"]>,
  users: { id: true, username: true, officer_id: true, display_name: true, password_hash: true, failed_attempts: true, locked_until: true, active: true, created_at: true } satisfies Columns<Database["users"]>,
  user_roles: { id: true, user_id: true, role: true, unit_id: true, created_at: true } satisfies Columns<Database["user_roles"]>,
  sessions: { id: true, user_id: true, created_at: true, expires_at: true } satisfies Columns<Database["sessions"]>,
  audit_log: { id: true, at: true, actor_user_id: true, action: true, subject_type: true, subject_id: true, before: true, after: true, prev_hash: true, hash: true } satisfies Columns<Database["audit_log"]>,
} satisfies Record<keyof Database, unknown>;

describe("the Database type and the migrated schema", async () => {
  const { db } = await freshDatabase();

  it("have the same tables and columns", async () => {
    const tables = await db.introspection.getTables();
    const live = Object.fromEntries(
      tables.filter((table) => table.schema === "public" && !table.name.startsWith("kysely_")).map((table) => [table.name, table.columns.map((c) => c.name).sort()]),
    );
    const declared = Object.fromEntries(Object.entries(EXPECTED).map(([table, columns]) => [table, Object.keys(columns).sort()]));
    expect(live).toEqual(declared);
  });
});
