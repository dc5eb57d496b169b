import { now } from "~/config/clock.server";
import { db } from "~/data/db.server";
import { monthlyTrend, officerScores, scopeIndicators, type Scope } from "~/data/indicators.server";
import { localDay } from "~/data/ratings.server";
import { compareWithPrevious } from "~/domain/indicators/comparison";
import { previousPeriod, twelveMonthsEnding } from "~/domain/indicators/period";
import { requiredSampleSize, sampleSufficiency } from "~/domain/indicators/sample-size";
import type { IndicatorQuery } from "./indicator-query";

/** Everything a unit's indicator page shows, for one scope and period. */
export async function unitIndicatorPage(scope: Extract<Scope, { kind: "unit" | "counter" | "agency" }>, query: IndicatorQuery) {
  const options = { verifiedOnly: query.verifiedOnly };
  const previous = previousPeriod(query.period);
  const [current, before, officers, trend] = await Promise.all([
    scopeIndicators(db(), scope, query.period, options),
    scopeIndicators(db(), scope, previous, options),
    officerScores(db(), scope, query.period, { ...options, minimumRatings: query.minimumRatings }),
    monthlyTrend(db(), scope, twelveMonthsEnding(query.period.to), options),
  ]);
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
  };
}

export function todayIn(timeZone: string): string {
  return localDay(now(), timeZone);
}
