import { type Kysely, type Selectable } from "kysely";
import type { Database } from "../../../db/schema";
import type { ComplaintsTable } from "../../../db/tables/complaints";
import type { RoleGrant } from "~/domain/access/grants";
import type { ComplaintState, ComplaintStatus } from "~/domain/complaint-lifecycle";
import type { ComplaintPlace } from "~/domain/access/complaints";
import { DEFAULT_TIME_ZONE } from "~/domain/working-days";

// The stored complaint row and the lifecycle state, both ways, and the small lookups every stage shares.
// Nothing here opens a transaction.

export type Db = Kysely<Database>;
export type ComplaintRow = Selectable<ComplaintsTable>;

/** Who is acting: the session user's id, officer link and grants (a SessionUser fits). */
export interface StaffActor {
  id: number;
  officerId: number | null;
  grants: readonly RoleGrant[];
}

export const OPEN_STATUSES: readonly ComplaintStatus[] = ["diterima", "terverifikasi", "ditunda", "diteruskan", "ditindaklanjuti", "ditanggapi"];

// ---- state <-> row ---------------------------------------------------------------------------------------

/** The columns the lifecycle state is made of: a list that only needs deadlines selects these, not the report. */
export const STATE_COLUMNS = [
  "status",
  "visibility",
  "category",
  "submitted_at",
  "verification_clock_from",
  "verified_at",
  "postponed_from",
  "postpone_reason",
  "referred_to",
  "archive_reason",
  "archive_note",
  "unit_id",
  "officer_id",
  "forwarded_at",
  "follow_up_clock_from",
  "followed_up_at",
  "citizen_responded_at",
  "reopen_count",
  "escalated",
  "closed_at",
  "closure_kind",
  "upheld",
] as const satisfies readonly (keyof ComplaintRow)[];
export type StateColumns = Pick<ComplaintRow, (typeof STATE_COLUMNS)[number]>;

/** The lifecycle state of a stored complaint (for the state machine and its deadlines). */
export function stateOf(row: StateColumns): ComplaintState {
  return {
    status: row.status,
    visibility: row.visibility,
    category: row.category,
    submittedAt: row.submitted_at,
    verificationClockFrom: row.verification_clock_from,
    verifiedAt: row.verified_at,
    postponedFrom: row.postponed_from,
    postponeReason: row.postpone_reason,
    referredTo: row.referred_to,
    archive: row.archive_reason ? { reason: row.archive_reason, note: row.archive_note ?? "" } : null,
    unitId: row.unit_id === null ? null : String(row.unit_id),
    officerId: row.officer_id === null ? null : String(row.officer_id),
    forwardedAt: row.forwarded_at,
    followUpClockFrom: row.follow_up_clock_from,
    followedUpAt: row.followed_up_at,
    citizenRespondedAt: row.citizen_responded_at,
    reopenCount: row.reopen_count,
    escalated: row.escalated,
    closedAt: row.closed_at,
    closure: row.closure_kind === "closed" ? { kind: "closed", upheld: row.upheld ?? false } : row.closure_kind === "auto_closed" ? { kind: "auto_closed" } : null,
  };
}

export function columnsOf(state: ComplaintState) {
  return {
    status: state.status,
    visibility: state.visibility,
    category: state.category,
    submitted_at: state.submittedAt,
    verification_clock_from: state.verificationClockFrom,
    verified_at: state.verifiedAt,
    postponed_from: state.postponedFrom,
    postpone_reason: state.postponeReason,
    referred_to: state.referredTo,
    archive_reason: state.archive?.reason ?? null,
    archive_note: state.archive?.note ?? null,
    unit_id: state.unitId === null ? null : Number(state.unitId),
    officer_id: state.officerId === null ? null : Number(state.officerId),
    forwarded_at: state.forwardedAt,
    follow_up_clock_from: state.followUpClockFrom,
    followed_up_at: state.followedUpAt,
    citizen_responded_at: state.citizenRespondedAt,
    reopen_count: state.reopenCount,
    escalated: state.escalated,
    closed_at: state.closedAt,
    closure_kind: state.closure?.kind ?? null,
    upheld: state.closure?.kind === "closed" ? state.closure.upheld : null,
  };
}


/** The units' paths a complaint sits in, for the access rules. */
export async function placeOf(db: Db, row: Pick<ComplaintRow, "received_unit_id" | "unit_id" | "officer_id" | "status">): Promise<ComplaintPlace> {
  const ids = [row.received_unit_id, ...(row.unit_id === null ? [] : [row.unit_id])];
  const units = await db.selectFrom("units").select(["id", "path"]).where("id", "in", ids).execute();
  return {
    receivedPath: units.find((unit) => unit.id === row.received_unit_id)?.path ?? "",
    responsiblePath: row.unit_id === null ? null : (units.find((unit) => unit.id === row.unit_id)?.path ?? null),
    officerId: row.officer_id,
    status: row.status,
  };
}

export async function agencyZone(db: Db, agencyId: number): Promise<string> {
  const row = await db.selectFrom("agencies").select("time_zone").where("id", "=", agencyId).executeTakeFirst();
  return row?.time_zone || DEFAULT_TIME_ZONE;
}

export function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
