import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import {
  scopeComments,
  scopeComplaints,
  subjectInUnit,
  type DrilldownScope,
  type DrilldownSubject,
} from "~/data/drilldown.server";
import { monthlyTrend, officerScores, scopeIndicators } from "~/data/indicators.server";
import type { OfficerScore } from "~/domain/indicators/officer-score";
import { twelveMonthsEnding } from "~/domain/indicators/period";
import { parseDrilldownQuery, type DrilldownQuery } from "~/http/drilldown-query";
import { todayIn } from "./unit-indicators.server";

/** The unit a drill-down page sits under, as `requireStaffUnit` returns it. */
export interface DrilldownUnit {
  id: number;
  name: string;
  agencyName: string;
  timeZone: string;
  officerRankingMin: number;
}

/** The counter, service or officer of the address, or a 404 when the unit does not cover it. */
export async function requireSubject(
  unit: DrilldownUnit,
  scope: DrilldownScope,
  database: Kysely<Database> = db(),
): Promise<DrilldownSubject> {
  const subject = await subjectInUnit(database, unit.id, scope);
  if (!subject) throw new Response("Not Found", { status: 404 });
  return subject;
}

/** Everything a drill-down page shows for one counter, service or officer and one period. */
export async function drilldownPage(
  unit: DrilldownUnit,
  scope: DrilldownScope,
  /** The address's query string: period, filters, page. */
  search: URLSearchParams,
  /** Whether the reader may open the complaints listed (an admin sees the list, not the files). */
  mayOpenComplaints: boolean,
  database: Kysely<Database> = db(),
) {
  const subject = await requireSubject(unit, scope, database);
  const query = parseDrilldownQuery(search, todayIn(unit.timeZone), { minimumRatings: unit.officerRankingMin });
  const options = { verifiedOnly: query.verifiedOnly };
  const [current, trend, comments, complaints, officer] = await Promise.all([
    scopeIndicators(database, scope, query.period, options),
    monthlyTrend(database, scope, twelveMonthsEnding(query.period.to), options),
    scopeComments(database, unit.id, scope, query.period, unit.timeZone, query.comments, query.page),
    scopeComplaints(database, unit.id, scope, query.period, unit.timeZone, now()),
    scope.kind === "officer" ? officerServiceScore(database, subject, query) : null,
  ]);
  const ikm = current.ikm.kind === "computed" ? current.ikm : null;
  return {
    unit: { id: unit.id, name: unit.name, agencyName: unit.agencyName, timeZone: unit.timeZone },
    mayOpenComplaints,
    subject,
    query,
    // Only what the page shows: the exact fractions stay on the server.
    ikm: ikm
      ? {
          ikmUnitRounded: ikm.ikmUnitRounded,
          mutu: ikm.mutu,
          kinerja: ikm.kinerja,
          lowest: ikm.lowest,
          nrr: ikm.nrr,
          weightsRenormalised: ikm.weightsRenormalised,
        }
      : null,
    tallies: current.tallies,
    counts: current.counts,
    trend,
    comments,
    complaints,
    officer,
  };
}

export type DrilldownPageData = Awaited<ReturnType<typeof drilldownPage>>;

/**
 * The officer's service score as on their own page and in their assessment: among the officers of their own
 * unit, pulled towards that unit's mean, with a 95% interval, or "not enough ratings yet".
 */
async function officerServiceScore(
  database: Kysely<Database>,
  subject: DrilldownSubject,
  query: DrilldownQuery,
): Promise<{ score: OfficerScore; verifiedShare: number | null; unitMean: number | null }> {
  const { officers, unitMean } = await officerScores(database, { kind: "unit", unitId: subject.unitId }, query.period, {
    verifiedOnly: query.verifiedOnly,
    minimumRatings: query.minimumRatings,
  });
  const row = officers.find((candidate) => candidate.officerId === subject.id);
  return {
    score: row?.score ?? { kind: "insufficient", officerId: String(subject.id), n: 0, minimum: query.minimumRatings },
    verifiedShare: row?.verifiedShare ?? null,
    unitMean,
  };
}

/** Every comment of the filters (not one page), for the CSV download; capped so a file stays openable. */
export const CSV_ROW_LIMIT = 20_000;

export async function drilldownCommentsForExport(
  unit: DrilldownUnit,
  scope: DrilldownScope,
  /** The address's query string: period, filters, page. */
  search: URLSearchParams,
  database: Kysely<Database> = db(),
) {
  const subject = await requireSubject(unit, scope, database);
  const query = parseDrilldownQuery(search, todayIn(unit.timeZone), { minimumRatings: unit.officerRankingMin });
  const comments = await scopeComments(
    database,
    unit.id,
    scope,
    query.period,
    unit.timeZone,
    query.comments,
    1,
    CSV_ROW_LIMIT,
  );
  return { subject, query, comments };
}
