import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import type { RoleGrant } from "~/domain/access/grants";
import { officerRecordAccess, type OfficerRecordAccess } from "~/domain/access/officer-records";
import type { PeriodKind, PlanStatus } from "~/domain/skp";

// Access to SKP plans and the records of their period, and the plan row as commands lock it. Read only, except
// lockedPlan, which runs inside the caller's transaction.
//
// Who sees what (docs/decisions: performance records scope):
// - the officer sees their own records;
// - a supervisor sees the records of every officer whose supervisor chain (officers.supervisor_id, upwards)
//   reaches the supervisor's own officer record, and of every officer in a unit they hold the `supervisor`
//   role for (that unit and its subtree) except their own supervisors;
// - only the DIRECT supervisor (the assessor) approves, returns, gives feedback as assessor, chooses peers,
//   reviews as supervisor and assesses; only the assessor's own supervisor decides an objection;
// - a chosen peer sees only the review form of that plan; admins see no performance records.
// Every loader and action goes through planAccess/officerAccess; anything outside answers 404.

export interface Viewer {
  id: number;
  officerId: number | null;
  grants: readonly RoleGrant[];
}

export interface OfficerAccess extends OfficerRecordAccess {
  officerId: number;
  unitId: number;
  agencyId: number;
  supervisorId: number | null;
}

export const CHAIN_DEPTH_LIMIT = 25;

/** The officer's supervisors, nearest first. */
export async function supervisorChain(db: Kysely<Database>, officerId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive chain(id, depth) as (
      select supervisor_id, 1 from officers where id = ${officerId} and supervisor_id is not null
      union all
      select o.supervisor_id, c.depth + 1 from officers o join chain c on o.id = c.id
      where o.supervisor_id is not null and c.depth < ${CHAIN_DEPTH_LIMIT}
    )
    select id from chain order by depth`.execute(db);
  return result.rows.map((row) => row.id);
}

export async function officerAccess(
  db: Kysely<Database>,
  viewer: Viewer,
  officerId: number,
): Promise<OfficerAccess | null> {
  const officer = await db
    .selectFrom("officers")
    .innerJoin("units", "units.id", "officers.unit_id")
    .select(["officers.id", "officers.unit_id", "officers.agency_id", "officers.supervisor_id", "units.path"])
    .where("officers.id", "=", officerId)
    .executeTakeFirst();
  if (!officer) return null;
  // The supervisor chain only (officerRecordAccess): a supervisor role on the unit grants nothing here.
  const chain = viewer.officerId === null || viewer.officerId === officer.id ? [] : await supervisorChain(db, officer.id);
  return {
    officerId: officer.id,
    unitId: officer.unit_id,
    agencyId: officer.agency_id,
    supervisorId: officer.supervisor_id,
    ...officerRecordAccess({ viewerOfficerId: viewer.officerId, officerId: officer.id, chain }),
  };
}

export interface PlanRow {
  id: number;
  agencyId: number;
  officerId: number;
  unitId: number;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  returnComment: string | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
}

export const planColumns = [
  "skp_plans.id",
  "skp_plans.agency_id as agencyId",
  "skp_plans.officer_id as officerId",
  "skp_plans.unit_id as unitId",
  "skp_plans.period_kind as periodKind",
  "skp_plans.period_start as periodStart",
  "skp_plans.period_end as periodEnd",
  "skp_plans.status",
  "skp_plans.return_comment as returnComment",
  "skp_plans.submitted_at as submittedAt",
  "skp_plans.approved_at as approvedAt",
] as const;

export async function planById(db: Kysely<Database>, planId: number): Promise<PlanRow | undefined> {
  return db.selectFrom("skp_plans").select(planColumns).where("skp_plans.id", "=", planId).executeTakeFirst();
}

export interface PlanAccess {
  plan: PlanRow;
  access: OfficerAccess;
  /** The viewer's officer was chosen as a peer reviewer for this plan. */
  peer: boolean;
}

/** The plan and the viewer's relation to it; undefined when missing or outside the viewer's scope. */
export async function planAccess(
  db: Kysely<Database>,
  viewer: Viewer,
  planId: number,
  options: { allowPeers?: boolean } = {},
): Promise<PlanAccess | undefined> {
  const plan = await planById(db, planId);
  if (!plan) return undefined;
  const access = await officerAccess(db, viewer, plan.officerId);
  if (!access) return undefined;
  const peer =
    viewer.officerId !== null &&
    (await db
      .selectFrom("skp_peers")
      .select("plan_id")
      .where("plan_id", "=", planId)
      .where("peer_officer_id", "=", viewer.officerId)
      .executeTakeFirst()) !== undefined;
  if (!access.canView && !(options.allowPeers && peer)) return undefined;
  return { plan, access, peer };
}

export async function hasFinalAssessment(db: Kysely<Database>, planId: number): Promise<boolean> {
  return (
    (await db.selectFrom("assessments").select("id").where("plan_id", "=", planId).limit(1).executeTakeFirst()) !==
    undefined
  );
}

/** The plan row, locked for the rest of the transaction so concurrent steps apply one after another. */
export async function lockedPlan(trx: Transaction<Database>, planId: number) {
  const plan = await trx
    .selectFrom("skp_plans")
    .select([
      "id",
      "agency_id",
      "officer_id",
      "unit_id",
      "period_kind",
      "period_start",
      "period_end",
      "status",
    ])
    .where("id", "=", planId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return plan;
}

/** Which review the viewer may give on this plan, if any. */
export async function reviewKindFor(db: Kysely<Database>, viewer: Viewer, plan: { id: number; officer_id: number }) {
  if (viewer.officerId === null) return null;
  if (viewer.officerId === plan.officer_id) return "self" as const;
  const officer = await db
    .selectFrom("officers")
    .select("supervisor_id")
    .where("id", "=", plan.officer_id)
    .executeTakeFirstOrThrow();
  if (officer.supervisor_id === viewer.officerId) return "supervisor" as const;
  const peer = await db
    .selectFrom("skp_peers")
    .select("plan_id")
    .where("plan_id", "=", plan.id)
    .where("peer_officer_id", "=", viewer.officerId)
    .executeTakeFirst();
  return peer ? ("peer" as const) : null;
}
