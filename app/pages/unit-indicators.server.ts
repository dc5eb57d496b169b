import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { complaintFiguresFor } from "~/data/complaints/figures.server";
import { holidayCalendarFor } from "~/data/holidays.server";
import { monthlyTrend, officerScores, scopeIndicators, type Scope } from "~/data/indicators.server";
import { localDateOf } from "~/domain/working-days";
import { compareWithPrevious } from "~/domain/indicators/comparison";
import { previousPeriod, twelveMonthsEnding } from "~/domain/indicators/period";
import { requiredSampleSize, sampleSufficiency } from "~/domain/indicators/sample-size";
import { endOfLocalDay, startOfLocalDay } from "~/domain/working-days";
import type { IndicatorQuery } from "~/http/indicator-query";

/** Everything a unit's indicator page shows, for one scope and period (`database`: for tests). */
export async function unitIndicatorPage(scope: Extract<Scope, { kind: "unit" | "counter" | "agency" }>, query: IndicatorQuery, database: Kysely<Database> = db()) {
  const options = { verifiedOnly: query.verifiedOnly };
  const previous = previousPeriod(query.period);
  const [current, before, officers, trend] = await Promise.all([
    scopeIndicators(database, scope, query.period, options),
    scopeIndicators(database, scope, previous, options),
    officerScores(database, scope, query.period, { ...options, minimumRatings: query.minimumRatings }),
    monthlyTrend(database, scope, twelveMonthsEnding(query.period.to), options),
  ]);
  const complaints = scope.kind === "unit" ? await unitComplaintFigures(database, scope.unitId, query.period, current.counts.valid) : null;
  const ikmNow = current.ikm.kind === "computed" ? current.ikm.ikmUnit : null;
  const ikmBefore = before.ikm.kind === "computed" ? before.ikm.ikmUnit : null;
  return {
    period: query.period,
    previous,
    current,
    comparison: ikmNow !== null && ikmBefore !== null ? compareWithPrevious(ikmNow, ikmBefore) : null,
    previousIkm: ikmBefore,
    sample: query.population
      ? { population: query.population, ...sampleSufficiency(current.counts.fullSurveys, query.population) }
      : { population: null, required: requiredSampleSize(1_000_000), sufficient: current.counts.fullSurveys >= requiredSampleSize(1_000_000), shortfall: Math.max(0, requiredSampleSize(1_000_000) - current.counts.fullSurveys) },
    officers,
    trend,
    complaints,
  };
}

async function unitComplaintFigures(database: Kysely<Database>, unitId: number, period: { from: string; to: string }, ratingCount: number) {
  const unit = await database.selectFrom("units").innerJoin("agencies", "agencies.id", "units.agency_id").select(["units.agency_id", "agencies.time_zone"]).where("units.id", "=", unitId).executeTakeFirstOrThrow();
  const calendar = await holidayCalendarFor(database, unit.agency_id);
  // The period's days are the agency's local days, as for the ratings (the bound `to` is exclusive).
  const from = startOfLocalDay(period.from, unit.time_zone);
  const to = new Date(endOfLocalDay(period.to, unit.time_zone).getTime() + 1);
  const asOf = now() < to ? now() : to;
  return complaintFiguresFor(database, { unitId, from, to, ratingCount }, calendar, asOf);
}

export function todayIn(timeZone: string): string {
  return localDateOf(now(), timeZone);
}
