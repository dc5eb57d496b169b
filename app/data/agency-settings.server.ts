import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { AgencySettingsInput } from "~/domain/agency-settings";
import { appendAudit } from "./audit.server";

// An agency's settings (agencies row): read for the settings page, changed in one audited transaction.

export async function agencySettings(db: Kysely<Database>, agencyId: number) {
  return db
    .selectFrom("agencies")
    .select([
      "id",
      "slug",
      "name",
      "province",
      "time_zone as timeZone",
      "public_min_surveys as publicMinSurveys",
      "officer_ranking_min as officerRankingMin",
      "rating_limit_per_device as ratingLimitPerDevice",
      "rating_limit_per_ip as ratingLimitPerIp",
      "kiosk_min_interval_seconds as kioskMinIntervalSeconds",
      "updated_at as updatedAt",
    ])
    .where("id", "=", agencyId)
    .executeTakeFirstOrThrow();
}

/** Saves the settings; the audit entry holds what changed, before and after. Nothing changed writes nothing. */
export async function updateAgencySettings(db: Kysely<Database>, actorUserId: number, agencyId: number, input: AgencySettingsInput, now: Date): Promise<{ changed: string[] }> {
  return db.transaction().execute(async (trx) => {
    const before = await agencySettings(trx, agencyId);
    const changed = (Object.keys(input) as (keyof AgencySettingsInput)[]).filter((key) => before[key] !== input[key]);
    if (changed.length === 0) return { changed };
    await trx
      .updateTable("agencies")
      .set({
        name: input.name,
        time_zone: input.timeZone,
        public_min_surveys: input.publicMinSurveys,
        officer_ranking_min: input.officerRankingMin,
        rating_limit_per_device: input.ratingLimitPerDevice,
        rating_limit_per_ip: input.ratingLimitPerIp,
        kiosk_min_interval_seconds: input.kioskMinIntervalSeconds,
        updated_at: now,
      })
      .where("id", "=", agencyId)
      .execute();
    await appendAudit(trx, {
      actorUserId,
      action: "agency.settings",
      subjectType: "agency",
      subjectId: agencyId,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, input[key]])),
    });
    return { changed };
  });
}
