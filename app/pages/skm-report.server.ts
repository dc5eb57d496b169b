import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { complaintFiguresFor } from "~/data/complaints/figures.server";
import { holidayCalendarFor } from "~/data/holidays.server";
import { respondentProfile, skmReportTexts } from "~/data/skm-reports.server";
import { recommendationsOf } from "~/data/skm-recommendations.server";
import { addCalendarDays, endOfLocalDay, localDateOf } from "~/domain/working-days";
import type { IndicatorQuery } from "~/http/indicator-query";
import { unitIndicatorPage } from "./unit-indicators.server";

export interface ReportUnit {
  id: number;
  name: string;
  agencyName: string;
  agencyId: number;
  timeZone: string;
}

/**
 * Everything the unit's SKM report (DOMAIN.md §1.5) prints for one period: the indicator figures, the respondent
 * profile, complaint handling, the supervisor's recommendations for this period and those of the previous one
 * with their follow-up, and the recommendations as records with their status. `database`: for tests.
 */
export async function skmReportData(unit: ReportUnit, query: IndicatorQuery, database: Kysely<Database> = db()) {
  const page = await unitIndicatorPage({ kind: "unit", unitId: unit.id }, query, database);
  // The period's local days as instants [from, to), in the agency's time zone.
  const from = new Date(endOfLocalDay(addCalendarDays(query.period.from, -1), unit.timeZone).getTime() + 1);
  const to = new Date(endOfLocalDay(query.period.to, unit.timeZone).getTime() + 1);
  const moment = now();
  const [profile, texts, previousTexts, calendar, recommendations, previousRecommendations] = await Promise.all([
    respondentProfile(database, unit.id, query.period),
    skmReportTexts(database, unit.id, query.period),
    skmReportTexts(database, unit.id, page.previous),
    holidayCalendarFor(database, unit.agencyId),
    recommendationsOf(database, unit.id, query.period, { match: "exact" }),
    recommendationsOf(database, unit.id, page.previous, { match: "exact" }),
  ]);
  const complaints = await complaintFiguresFor(database, { unitId: unit.id, from, to, ratingCount: page.current.counts.valid }, calendar, moment < to ? moment : to);
  return {
    unit,
    query,
    period: page.period,
    previous: page.previous,
    current: page.current,
    previousIkm: page.previousIkm,
    comparison: page.comparison,
    sample: page.sample,
    profile,
    complaints,
    texts,
    previousTexts,
    recommendations,
    previousRecommendations,
    today: localDateOf(moment, unit.timeZone),
    generatedAt: moment,
  };
}

export type SkmReportData = Awaited<ReturnType<typeof skmReportData>>;
