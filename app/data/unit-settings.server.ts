import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { mapElements, type ElementCode } from "~/domain/indicators/elements";
import type { ElementTally } from "~/domain/indicators/ikm";
import type { OfficerNameDisplay, UnitSettingsInput } from "~/domain/unit-settings";
import type { OrganisationPredikat } from "~/domain/predikat";
import { addCalendarDays, localDateOf } from "~/domain/working-days";
import { appendAudit } from "./audit.server";
import { unitPattern } from "./assessments/distribution.server";
import { scopeIndicators } from "./indicators.server";

// A unit's own settings (IKM weights, organisational predicate, officers' names on its counter pages), kept by its
// agency's administrators. `updateUnitSettings` opens one transaction and audits what changed.

export interface UnitSettings {
  id: number;
  name: string;
  path: string;
  agencyId: number;
  timeZone: string;
  ikmWeights: Record<string, string> | null;
  pattern: OrganisationPredikat;
  nameDisplay: OfficerNameDisplay;
}

export async function unitSettingsOf(db: Kysely<Database>, unitId: number): Promise<UnitSettings | undefined> {
  const row = await db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .leftJoin("unit_assessment_settings", "unit_assessment_settings.unit_id", "units.id")
    .select(["units.id", "units.name", "units.path", "units.agency_id as agencyId", "agencies.time_zone as timeZone", "units.ikm_weights as ikmWeights", "units.officer_name_display as nameDisplay", "unit_assessment_settings.organisation_predikat as pattern"])
    .where("units.id", "=", unitId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, ikmWeights: (row.ikmWeights as Record<string, string> | null) ?? null, pattern: row.pattern ?? "baik" };
}

/** The agency's units that still serve, with their settings, for the list on the agency settings page. */
export async function unitSettingsOfAgency(db: Kysely<Database>, agencyId: number) {
  const rows = await db
    .selectFrom("units")
    .leftJoin("unit_assessment_settings", "unit_assessment_settings.unit_id", "units.id")
    .select(["units.id", "units.name", "units.path", "units.ikm_weights as ikmWeights", "units.officer_name_display as nameDisplay", "unit_assessment_settings.organisation_predikat as pattern"])
    .where("units.agency_id", "=", agencyId)
    .where("units.retired_at", "is", null)
    .orderBy("units.path")
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, depth: row.path.split("/").length - 3, customWeights: row.ikmWeights !== null, pattern: row.pattern ?? "baik", nameDisplay: row.nameDisplay }));
}

/** The element tallies of the unit's last twelve months (to today, in the agency's zone), for the weights' preview. */
export async function lastYearTallies(db: Kysely<Database>, unitId: number, timeZone: string, now: Date): Promise<{ from: string; to: string; tallies: Record<ElementCode, ElementTally>; fullSurveys: number }> {
  const to = localDateOf(now, timeZone);
  const from = addCalendarDays(to, -364);
  const figures = await scopeIndicators(db, { kind: "unit", unitId }, { from, to });
  return { from, to, tallies: mapElements((code) => figures.tallies[code]), fullSurveys: figures.counts.fullSurveys };
}

/** Saves a unit's settings; nothing changed writes nothing. The audit entry holds what changed, before and after. */
export async function updateUnitSettings(db: Kysely<Database>, actorUserId: number, unitId: number, input: UnitSettingsInput): Promise<{ changed: string[] }> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("units").select(["ikm_weights", "officer_name_display"]).where("id", "=", unitId).forUpdate().executeTakeFirstOrThrow();
    const beforeValues = { ikmWeights: (before.ikm_weights as Record<string, string> | null) ?? null, pattern: await unitPattern(trx, unitId), nameDisplay: before.officer_name_display };
    const changed = (Object.keys(beforeValues) as (keyof typeof beforeValues)[]).filter((key) => JSON.stringify(beforeValues[key]) !== JSON.stringify(input[key]));
    if (changed.length === 0) return { changed };
    await trx
      .updateTable("units")
      .set({ ikm_weights: input.ikmWeights === null ? null : JSON.stringify(input.ikmWeights), officer_name_display: input.nameDisplay })
      .where("id", "=", unitId)
      .execute();
    if (changed.includes("pattern")) {
      await trx
        .insertInto("unit_assessment_settings")
        .values({ unit_id: unitId, organisation_predikat: input.pattern, updated_by_user_id: actorUserId })
        .onConflict((oc) => oc.column("unit_id").doUpdateSet({ organisation_predikat: input.pattern, updated_by_user_id: actorUserId, updated_at: new Date() }))
        .execute();
    }
    await appendAudit(trx, {
      actorUserId,
      action: "unit.settings",
      subjectType: "unit",
      subjectId: unitId,
      before: Object.fromEntries(changed.map((key) => [key, beforeValues[key]])),
      after: Object.fromEntries(changed.map((key) => [key, input[key]])),
    });
    return { changed };
  });
}
