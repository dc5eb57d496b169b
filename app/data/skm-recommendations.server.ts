import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { RoleGrant } from "~/domain/access/grants";
import { mayKeepSkmReport } from "~/domain/access/skm-reports";
import { isElementCode, type ElementCode } from "~/domain/indicators/elements";
import type { Period } from "~/domain/indicators/period";
import {
  checkDueDate,
  checkStatusChange,
  type RecommendationStatus,
  type StatusChangeRefusal,
} from "~/domain/skm-recommendations";
import { appendAudit } from "./audit.server";

// The recommendations of a unit's SKM report as records, with their follow-up (app/domain/skm-recommendations.ts).
// Kept by the unit's supervisors and administrators (app/domain/access/skm-reports.ts); every write is audited in
// its own transaction. A unit or recommendation outside the actor's scope is "not_found", like a missing one.

export interface RecommendationUpdate {
  id: number;
  statusFrom: RecommendationStatus;
  statusTo: RecommendationStatus;
  notedOn: string;
  note: string;
  evidence: string;
}

export interface Recommendation {
  id: number;
  unitId: number;
  service: { id: number; name: string } | null;
  periodFrom: string;
  periodTo: string;
  element: ElementCode;
  action: string;
  /** A position or section (jabatan, bidang), never shown on a public page. */
  responsible: string;
  dueOn: string;
  status: RecommendationStatus;
  updates: RecommendationUpdate[];
}

export interface RecommendationFilter {
  /** "exact": the report of exactly this period; "within": every report whose period lies inside it. */
  match: "exact" | "within";
  /** A service's view: the unit's recommendations that name no service or name this one. */
  serviceId?: number;
}

/** A unit's recommendations for a period, in the order they were written, each with its updates oldest first. */
export async function recommendationsOf(
  db: Kysely<Database>,
  unitId: number,
  period: Pick<Period, "from" | "to">,
  filter: RecommendationFilter,
): Promise<Recommendation[]> {
  let query = db
    .selectFrom("skm_recommendations as r")
    .leftJoin("services as s", "s.id", "r.service_id")
    .select([
      "r.id",
      "r.unit_id",
      "r.service_id",
      "s.name as service_name",
      "r.period_from",
      "r.period_to",
      "r.element",
      "r.action",
      "r.responsible",
      "r.due_on",
      "r.status",
    ])
    .where("r.unit_id", "=", unitId)
    .orderBy("r.id");
  query =
    filter.match === "exact"
      ? query.where("r.period_from", "=", period.from).where("r.period_to", "=", period.to)
      : query.where("r.period_from", ">=", period.from).where("r.period_to", "<=", period.to);
  if (filter.serviceId !== undefined) {
    const serviceId = filter.serviceId;
    query = query.where((eb) => eb.or([eb("r.service_id", "is", null), eb("r.service_id", "=", serviceId)]));
  }
  const rows = await query.execute();
  const updates =
    rows.length === 0
      ? []
      : await db
          .selectFrom("skm_recommendation_updates")
          .select(["id", "recommendation_id", "status_from", "status_to", "noted_on", "note", "evidence"])
          .where(
            "recommendation_id",
            "in",
            rows.map((row) => row.id),
          )
          .orderBy("noted_on")
          .orderBy("id")
          .execute();
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    service: row.service_id !== null && row.service_name !== null ? { id: row.service_id, name: row.service_name } : null,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    element: isElementCode(row.element) ? row.element : "U1",
    action: row.action,
    responsible: row.responsible,
    dueOn: row.due_on,
    status: row.status,
    updates: updates
      .filter((update) => update.recommendation_id === row.id)
      .map((update) => ({
        id: update.id,
        statusFrom: update.status_from,
        statusTo: update.status_to,
        notedOn: update.noted_on,
        note: update.note,
        evidence: update.evidence,
      })),
  }));
}

export interface RecommendationActor {
  userId: number;
  grants: readonly RoleGrant[];
}

export interface NewRecommendation {
  unitId: number;
  period: Pick<Period, "from" | "to">;
  serviceId: number | null;
  element: ElementCode;
  action: string;
  responsible: string;
  dueOn: string;
}

export type AddRecommendationResult =
  | { ok: true; id: number }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; field: "serviceId" | "dueOn"; error: "notOfUnit" | "beforePeriod" };

/** Records one recommendation of the unit's report for the period, planned, audited. */
export async function addRecommendation(
  db: Kysely<Database>,
  actor: RecommendationActor,
  input: NewRecommendation,
): Promise<AddRecommendationResult> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom("units").select("path").where("id", "=", input.unitId).executeTakeFirst();
    if (!unit || !mayKeepSkmReport(actor.grants, unit.path)) return { ok: false, reason: "not_found" } as const;
    if (input.serviceId !== null) {
      const service = await trx
        .selectFrom("services")
        .select("id")
        .where("id", "=", input.serviceId)
        .where("unit_id", "=", input.unitId)
        .executeTakeFirst();
      if (!service) return { ok: false, reason: "invalid", field: "serviceId", error: "notOfUnit" } as const;
    }
    const due = checkDueDate(input.dueOn, input.period.from);
    if (!due.ok) return { ok: false, reason: "invalid", field: "dueOn", error: due.reason } as const;
    const row = await trx
      .insertInto("skm_recommendations")
      .values({
        unit_id: input.unitId,
        service_id: input.serviceId,
        period_from: input.period.from,
        period_to: input.period.to,
        element: input.element,
        action: input.action,
        responsible: input.responsible,
        due_on: input.dueOn,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: "skm_recommendation.add",
      subjectType: "skm_recommendation",
      subjectId: row.id,
      after: {
        unitId: input.unitId,
        serviceId: input.serviceId,
        periodFrom: input.period.from,
        periodTo: input.period.to,
        element: input.element,
        action: input.action,
        responsible: input.responsible,
        dueOn: input.dueOn,
        status: "planned",
      },
    });
    return { ok: true, id: row.id } as const;
  });
}

export interface StatusChangeInput {
  recommendationId: number;
  /** The unit of the page the change was made on: a recommendation of another unit is not found. */
  unitId: number;
  status: RecommendationStatus;
  note: string;
  evidence: string;
  notedOn: string;
  /** Today in the agency's time zone. */
  today: string;
}

export type StatusChangeResult =
  | { ok: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; field: StatusChangeRefusal["field"]; error: StatusChangeRefusal["reason"] };

/** Moves a recommendation to a status with a dated note (and evidence when done), audited. */
export async function changeRecommendationStatus(
  db: Kysely<Database>,
  actor: RecommendationActor,
  input: StatusChangeInput,
): Promise<StatusChangeResult> {
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom("skm_recommendations as r")
      .innerJoin("units as u", "u.id", "r.unit_id")
      .select(["r.id", "r.unit_id", "r.status", "r.period_from", "u.path"])
      .where("r.id", "=", input.recommendationId)
      .forUpdate("r")
      .executeTakeFirst();
    if (!found || found.unit_id !== input.unitId || !mayKeepSkmReport(actor.grants, found.path)) {
      return { ok: false, reason: "not_found" } as const;
    }
    const check = checkStatusChange({
      from: found.status,
      to: input.status,
      note: input.note,
      evidence: input.evidence,
      notedOn: input.notedOn,
      periodFrom: found.period_from,
      today: input.today,
    });
    if (!check.ok) {
      return { ok: false, reason: "invalid", field: check.field, error: check.reason } as const;
    }
    const update = await trx
      .insertInto("skm_recommendation_updates")
      .values({
        recommendation_id: found.id,
        status_from: found.status,
        status_to: input.status,
        noted_on: input.notedOn,
        note: input.note,
        evidence: input.evidence,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("skm_recommendations")
      .set({ status: input.status, updated_at: sql<Date>`now()` })
      .where("id", "=", found.id)
      .execute();
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: "skm_recommendation.status",
      subjectType: "skm_recommendation",
      subjectId: found.id,
      before: { status: found.status },
      after: { status: input.status, notedOn: input.notedOn, note: input.note, evidence: input.evidence, updateId: update.id },
    });
    return { ok: true } as const;
  });
}
