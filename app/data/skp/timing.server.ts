import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { checkFinaliseDay, type FinaliseTiming } from "~/domain/record-timing";
import { localDateOf } from "~/domain/working-days";

// The agency's rules of time for the performance record (app/domain/record-timing.ts). Read only.

export async function agencyRecordRules(db: Kysely<Database>, agencyId: number) {
  const row = await db
    .selectFrom("agencies")
    .select(["time_zone as timeZone", "achievement_backdate_days as backdateDays", "year_end_grace_days as yearEndGraceDays"])
    .where("id", "=", agencyId)
    .executeTakeFirstOrThrow();
  return row;
}

/** Whether the assessment of a plan may be finalised at `now` (its period's last day has come, in local time). */
export async function finaliseTiming(db: Kysely<Database>, plan: { agency_id: number; period_end: string }, now: Date): Promise<FinaliseTiming> {
  const rules = await agencyRecordRules(db, plan.agency_id);
  return checkFinaliseDay(plan.period_end, localDateOf(now, rules.timeZone), rules.yearEndGraceDays);
}
