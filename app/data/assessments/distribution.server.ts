import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { OrganisationPredikatValue } from "../../../db/tables/assessments";
import { hasRoleFor } from "~/domain/access/grants";
import { distributionWarnings, type OrganisationPredikat, type Predikat } from "~/domain/predikat";
import type { PeriodKind } from "~/domain/skp";
import { appendAudit } from "../audit.server";
import type { Viewer } from "../skp/access.server";

// The unit's organisational predicate chooses the expected distribution of officers' predicates
// (PermenPANRB 6/2022, Lampiran); finalised predicates that depart from it give a warning, never a block.

export async function unitPattern(db: Kysely<Database>, unitId: number): Promise<OrganisationPredikat> {
  const row = await db
    .selectFrom("unit_assessment_settings")
    .select("organisation_predikat")
    .where("unit_id", "=", unitId)
    .executeTakeFirst();
  return row?.organisation_predikat ?? "baik";
}

/** Only a supervisor of the unit (by role) chooses its organisational predicate. */
export async function setUnitPattern(
  db: Kysely<Database>,
  actor: Viewer,
  unitId: number,
  pattern: OrganisationPredikatValue,
): Promise<{ ok: true } | { ok: false; reason: "notSupervisor" }> {
  const unit = await db.selectFrom("units").select("path").where("id", "=", unitId).executeTakeFirst();
  if (!unit || !hasRoleFor(actor.grants, ["supervisor"], unit.path)) return { ok: false, reason: "notSupervisor" };
  await db.transaction().execute(async (trx) => {
    const before = await unitPattern(trx, unitId);
    await trx
      .insertInto("unit_assessment_settings")
      .values({ unit_id: unitId, organisation_predikat: pattern, updated_by_user_id: actor.id })
      .onConflict((oc) =>
        oc
          .column("unit_id")
          .doUpdateSet({ organisation_predikat: pattern, updated_by_user_id: actor.id, updated_at: new Date() }),
      )
      .execute();
    await appendAudit(trx, {
      actorUserId: actor.id,
      action: "unit.assessment_pattern.set",
      subjectType: "unit",
      subjectId: unitId,
      before,
      after: pattern,
    });
  });
  return { ok: true };
}

/** Finalised predicates (latest version per plan) of a unit's officers for one period, with the warnings. */
export async function unitDistribution(
  db: Kysely<Database>,
  unitId: number,
  period: { kind: PeriodKind; start: string },
) {
  const rows = await db
    .selectFrom("assessments")
    .innerJoin("skp_plans", "skp_plans.id", "assessments.plan_id")
    .select(["assessments.plan_id", "assessments.version", "assessments.predikat"])
    .where("skp_plans.unit_id", "=", unitId)
    .where("skp_plans.period_kind", "=", period.kind)
    .where("skp_plans.period_start", "=", period.start)
    .orderBy("assessments.plan_id")
    .orderBy("assessments.version", "desc")
    .execute();
  const latest = new Map<number, Predikat>();
  for (const row of rows) if (!latest.has(row.plan_id)) latest.set(row.plan_id, row.predikat);
  const predikats = [...latest.values()];
  const pattern = await unitPattern(db, unitId);
  return { pattern, predikats, warnings: distributionWarnings(pattern, predikats) };
}
