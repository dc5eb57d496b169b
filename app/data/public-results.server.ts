import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { UnitKind } from "../../db/tables/organisation";
import type { ElementCode } from "~/domain/indicators/elements";
import type { ComplaintFigures } from "~/domain/indicators/complaint-figures";
import { periodContaining, previousPeriod, type Period } from "~/domain/indicators/period";
import {
  excludedShare,
  periodCode,
  periodPopulation,
  publishIkm,
  quickFigure,
  unitPopulation,
  type PublishedIkm,
  type QuickFigure,
} from "~/domain/indicators/publication";
import { addCalendarDays, endOfLocalDay, startOfLocalDay } from "~/domain/working-days";
import { complaintFiguresFor } from "./complaints/figures.server";
import { actionsForUnits } from "./forums/actions.server";
import { holidayCalendarFor } from "./holidays.server";
import { scopeIndicators, type Scope } from "./indicators.server";
import { localDateOf } from "~/domain/working-days";
import { skmReportTexts } from "./skm-reports.server";
import { recommendationsOf, type Recommendation } from "./skm-recommendations.server";
import { doneCount, inReadingOrder, isRecommendationLate, type RecommendationStatus } from "~/domain/skm-recommendations";

// The public side of the results: what a citizen's page, the open-data API and its downloads show for a unit or
// a service and a period. Every figure comes from one function here, so a page and the API cannot disagree.
// Publication rule: app/domain/indicators/publication.ts (DOMAIN.md §1.6). No officer is named anywhere in this
// module's answers. Read only: no transaction.

export type PublicTarget = { kind: "unit"; unitId: number } | { kind: "service"; serviceId: number };

/** Who a figure is about, as the public may see it. */
export interface PublicSubject {
  kind: "unit" | "service";
  id: number;
  name: string;
  unit: { id: number; name: string; slug: string; path: string; kind: UnitKind };
  agency: { id: number; slug: string; name: string; timeZone: string; minimum: number };
  /** The stored yearly users behind the population (one per service counted). */
  usersPerYear: (number | null)[];
}

export interface PublicIndicators {
  subject: PublicSubject;
  period: { code: string | null; from: string; to: string };
  published: PublishedIkm;
  quick: QuickFigure;
  /** Ratings taken out (excluded) by staff, as a share of all ratings received in the period. */
  excluded: { ratings: number; received: number; share: number | null };
  recommendations: PublicRecommendations;
}

// ---------------------------------------------------------------------------------------------------------
// Subjects

/** The unit or service as the public may see it; undefined when missing, retired or inactive. */
export async function publicSubject(db: Kysely<Database>, target: PublicTarget): Promise<PublicSubject | undefined> {
  const base = db
    .selectFrom("units")
    .innerJoin("agencies", "agencies.id", "units.agency_id")
    .select([
      "units.id as unitId",
      "units.name as unitName",
      "units.slug as unitSlug",
      "units.path as unitPath",
      "units.kind as unitKind",
      "agencies.id as agencyId",
      "agencies.slug as agencySlug",
      "agencies.name as agencyName",
      "agencies.time_zone as timeZone",
      "agencies.public_min_surveys as minimum",
    ])
    .where("units.retired_at", "is", null);
  if (target.kind === "unit") {
    const row = await base.where("units.id", "=", target.unitId).executeTakeFirst();
    if (!row) return undefined;
    const services = await db
      .selectFrom("services")
      .innerJoin("units", "units.id", "services.unit_id")
      .select("services.users_per_year")
      .where("units.path", "like", `${row.unitPath}%`)
      .where("services.active", "=", true)
      .execute();
    return subjectOf(
      row,
      { kind: "unit", id: row.unitId, name: row.unitName },
      services.map((service) => service.users_per_year),
    );
  }
  const service = await db
    .selectFrom("services")
    .select(["id", "name", "unit_id", "users_per_year"])
    .where("id", "=", target.serviceId)
    .where("active", "=", true)
    .executeTakeFirst();
  if (!service) return undefined;
  const row = await base.where("units.id", "=", service.unit_id).executeTakeFirst();
  if (!row) return undefined;
  return subjectOf(row, { kind: "service", id: service.id, name: service.name }, [service.users_per_year]);
}

function subjectOf(
  row: {
    unitId: number;
    unitName: string;
    unitSlug: string;
    unitPath: string;
    unitKind: UnitKind;
    agencyId: number;
    agencySlug: string;
    agencyName: string;
    timeZone: string;
    minimum: number;
  },
  own: { kind: "unit" | "service"; id: number; name: string },
  usersPerYear: (number | null)[],
): PublicSubject {
  return {
    ...own,
    unit: { id: row.unitId, name: row.unitName, slug: row.unitSlug, path: row.unitPath, kind: row.unitKind },
    agency: {
      id: row.agencyId,
      slug: row.agencySlug,
      name: row.agencyName,
      timeZone: row.timeZone,
      minimum: row.minimum,
    },
    usersPerYear,
  };
}

function scopeOf(subject: PublicSubject): Scope {
  return subject.kind === "unit" ? { kind: "unit", unitId: subject.id } : { kind: "service", serviceId: subject.id };
}

/** The last quarter that has ended in the agency's time zone: the period the public pages show first. */
export function lastCompleteQuarter(now: Date, timeZone: string): Period {
  return previousPeriod(periodContaining("quarter", localDateOf(now, timeZone)));
}

// ---------------------------------------------------------------------------------------------------------
// The figures

function populationFor(subject: PublicSubject, period: Pick<Period, "from" | "to">): number | null {
  return subject.kind === "unit"
    ? unitPopulation(subject.usersPerYear, period)
    : periodPopulation(subject.usersPerYear[0] ?? null, period);
}

/** The published IKM of a subject for a period (respondents, figure or suppression, sample). */
export async function publishedIkmFor(
  db: Kysely<Database>,
  subject: PublicSubject,
  period: Pick<Period, "from" | "to">,
): Promise<{ published: PublishedIkm; excluded: PublicIndicators["excluded"] }> {
  const indicators = await scopeIndicators(db, scopeOf(subject), period);
  const published = publishIkm({
    fullSurveys: indicators.counts.fullSurveys,
    minimum: subject.agency.minimum,
    ikm: indicators.ikm,
    tallies: indicators.tallies,
    population: populationFor(subject, period),
  });
  const received = indicators.counts.valid + indicators.counts.flagged + indicators.counts.excluded;
  return {
    published,
    excluded: {
      ratings: indicators.counts.excluded,
      received,
      share: excludedShare(indicators.counts.excluded, received),
    },
  };
}

/** Quick ratings (the four faces) of a subject for a period: share satisfied with its interval, same minimum. */
export async function quickFigureFor(
  db: Kysely<Database>,
  subject: PublicSubject,
  period: Pick<Period, "from" | "to">,
): Promise<QuickFigure> {
  const filter =
    subject.kind === "unit"
      ? sql`r.unit_id in (select id from units where path like ${`${subject.unit.path}%`})`
      : sql`r.service_id = ${subject.id}`;
  const from = startOfLocalDay(period.from, subject.agency.timeZone);
  const to = startOfLocalDay(addCalendarDays(period.to, 1), subject.agency.timeZone);
  const result = await sql<{ ratings: number; satisfied: number }>`
    select count(*)::int as ratings, count(*) filter (where r.quick_score >= 3)::int as satisfied
    from ratings r
    where ${filter} and r.status = 'valid' and r.quick_score is not null and r.submitted_at >= ${from} and r.submitted_at < ${to}`.execute(
    db,
  );
  const row = result.rows[0] ?? { ratings: 0, satisfied: 0 };
  return quickFigure(row.ratings, row.satisfied, subject.agency.minimum);
}

/** Everything the API's indicators answer holds for a subject and period; `today` in the agency's zone. */
export async function publicIndicators(
  db: Kysely<Database>,
  subject: PublicSubject,
  period: Period,
  today: string,
): Promise<PublicIndicators> {
  const [{ published, excluded }, quick] = await Promise.all([
    publishedIkmFor(db, subject, period),
    quickFigureFor(db, subject, period),
  ]);
  const lowest = published.kind === "published" ? published.lowest : null;
  return {
    subject,
    period: { code: periodCode(period), from: period.from, to: period.to },
    published,
    quick,
    excluded,
    recommendations: await publicRecommendations(db, subject, period, lowest, today),
  };
}

export interface PublicRecommendation {
  id: number;
  element: ElementCode;
  service: { id: number; name: string } | null;
  action: string;
  dueOn: string;
  status: RecommendationStatus;
  late: boolean;
  updates: { on: string; status: RecommendationStatus; note: string; evidence: string | null }[];
}

export interface PublicRecommendations {
  /** The recommendations of the SKM reports within the period, the lowest element's first. */
  items: PublicRecommendation[];
  /** Those of the period before, with their status today: what the unit did about what it said. */
  previous: { from: string; to: string; items: PublicRecommendation[]; done: number };
}

/**
 * What the unit committed to in its SKM reports: the period's recommendations (the lowest element's first) and the
 * previous period's with their follow-up. A service sees its unit's that name no service or name it. Who is
 * responsible is left out: no officer is named in public.
 */
export async function publicRecommendations(
  db: Kysely<Database>,
  subject: PublicSubject,
  period: Period,
  lowest: ElementCode | null,
  today: string,
): Promise<PublicRecommendations> {
  const before = previousPeriod(period);
  const filter = subject.kind === "service" ? { match: "within" as const, serviceId: subject.id } : { match: "within" as const };
  const [current, earlier] = await Promise.all([
    recommendationsOf(db, subject.unit.id, period, filter),
    recommendationsOf(db, subject.unit.id, before, filter),
  ]);
  const shown = (row: Recommendation): PublicRecommendation => ({
    id: row.id,
    element: row.element,
    service: row.service,
    action: row.action,
    dueOn: row.dueOn,
    status: row.status,
    late: isRecommendationLate(row, today),
    updates: row.updates.map((update) => ({
      on: update.notedOn,
      status: update.statusTo,
      note: update.note,
      evidence: update.evidence === "" ? null : update.evidence,
    })),
  });
  return {
    items: inReadingOrder(current, lowest).map(shown),
    previous: { from: before.from, to: before.to, items: inReadingOrder(earlier, null).map(shown), done: doneCount(earlier) },
  };
}

export interface PublicTrendPoint {
  month: string;
  respondents: number;
  suppressed: boolean;
  ikm: number | null;
}

/** The twelve months ending with the period's last month, each under the same publication rule. */
export async function publicTrend(
  db: Kysely<Database>,
  subject: PublicSubject,
  period: Pick<Period, "to">,
): Promise<PublicTrendPoint[]> {
  const months: Period[] = [];
  let month = periodContaining("month", period.to);
  for (let i = 0; i < 12; i++) {
    months.unshift(month);
    month = previousPeriod(month);
  }
  const points = await Promise.all(months.map((m) => publishedIkmFor(db, subject, m)));
  return points.map(({ published }, index) => ({
    month: months[index]!.from.slice(0, 7),
    respondents: published.respondents,
    suppressed: published.suppressed,
    ikm: published.kind === "published" ? published.ikm : null,
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Follow-up, complaints, forum actions

export interface PublicFollowUp {
  lowest: ElementCode | null;
  /** What the unit committed to in the period's SKM report. */
  recommendations: string | null;
  /** What the unit reports it did about the previous period's recommendations. */
  previousFollowUp: string | null;
  previousRecommendations: string | null;
}

/** The lowest element and what the unit committed to do (the SKM report's recommendations and follow-up). */
export async function publicFollowUp(
  db: Kysely<Database>,
  subject: PublicSubject,
  period: Period,
  lowest: ElementCode | null,
): Promise<PublicFollowUp> {
  const before = previousPeriod(period);
  const [now, earlier] = await Promise.all([
    skmReportTexts(db, subject.unit.id, period),
    skmReportTexts(db, subject.unit.id, before),
  ]);
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    lowest,
    recommendations: text(now.recommendations),
    previousFollowUp: text(now.previousFollowUp),
    previousRecommendations: text(earlier.recommendations),
  };
}

export interface PublicComplaintFigures {
  received: number;
  shareVerifiedWithin3: number | null;
  verificationDecided: number;
  shareFollowedUpWithin5: number | null;
  followUpDecided: number;
  medianDaysToClose: number | null;
  closed: number;
}

/**
 * Complaint handling over the period: received, within 3 and 5 working days, median to close. A unit counts its
 * subtree's complaints; a service, the complaints of its unit that name it.
 */
export async function publicComplaintFigures(
  db: Kysely<Database>,
  subject: PublicSubject,
  period: Pick<Period, "from" | "to">,
  now: Date,
): Promise<PublicComplaintFigures> {
  const calendar = await holidayCalendarFor(db, subject.agency.id);
  const from = startOfLocalDay(period.from, subject.agency.timeZone);
  const to = new Date(endOfLocalDay(period.to, subject.agency.timeZone).getTime() + 1);
  const figures: ComplaintFigures = await complaintFiguresFor(
    db,
    {
      unitId: subject.unit.id,
      ...(subject.kind === "service" ? { serviceId: subject.id } : {}),
      from,
      to,
      ratingCount: 0,
    },
    calendar,
    now < to ? now : to,
  );
  return {
    received: figures.complaints,
    shareVerifiedWithin3: figures.shareVerifiedWithinLimit,
    verificationDecided: figures.denominators.verification,
    shareFollowedUpWithin5: figures.shareFollowedUpWithinLimit,
    followUpDecided: figures.denominators.followUp,
    medianDaysToClose: figures.medianDaysToClose,
    closed: figures.denominators.closed,
  };
}

export interface PublicForumAction {
  id: number;
  forumId: number;
  forumTitle: string;
  description: string;
  element: string | null;
  status: string;
  dueOn: string;
  late: boolean;
  lastNote: string | null;
}

/**
 * Follow-up actions of published forums the unit (its subtree) is responsible for, with progress; for a service,
 * those of the forums held about it. No officer is named.
 */
export async function publicForumActions(
  db: Kysely<Database>,
  subject: PublicSubject,
  now: Date,
): Promise<{ actions: PublicForumAction[]; done: number; total: number }> {
  const rows = await actionsForUnits(
    db,
    [subject.unit.path],
    now,
    subject.kind === "service" ? { serviceId: subject.id } : {},
  );
  const actions = rows.map((row) => ({
    id: row.id,
    forumId: row.forumId,
    forumTitle: row.forumTitle,
    description: row.description,
    element: row.element,
    status: row.status,
    dueOn: row.dueOn,
    late: row.late,
    lastNote: row.lastNote,
  }));
  return { actions, done: actions.filter((action) => action.status === "done").length, total: actions.length };
}

// ---------------------------------------------------------------------------------------------------------
// Agencies and their units

export async function publicAgencies(db: Kysely<Database>) {
  return db.selectFrom("agencies").select(["id", "slug", "name", "province"]).orderBy("name").execute();
}

/** An agency by slug or id ("kota-pariaman" or "3"). */
export async function publicAgency(db: Kysely<Database>, slugOrId: string) {
  let query = db
    .selectFrom("agencies")
    .select(["id", "slug", "name", "province", "time_zone as timeZone", "public_min_surveys as minimum"]);
  query = /^\d{1,9}$/.test(slugOrId) ? query.where("id", "=", Number(slugOrId)) : query.where("slug", "=", slugOrId);
  return query.executeTakeFirst();
}

export interface PublicUnitRow {
  id: number;
  slug: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  address: string | null;
  services: { id: number; name: string; usersPerYear: number | null }[];
}

/** The agency's units in tree order, with their active services; retired units are left out. */
export async function publicUnitsOfAgency(db: Kysely<Database>, agencyId: number): Promise<PublicUnitRow[]> {
  const units = await db
    .selectFrom("units")
    .select(["id", "slug", "name", "kind", "parent_id as parentId", "address"])
    .where("agency_id", "=", agencyId)
    .where("retired_at", "is", null)
    .orderBy("path")
    .execute();
  const services =
    units.length === 0
      ? []
      : await db
          .selectFrom("services")
          .select(["id", "name", "unit_id", "users_per_year"])
          .where(
            "unit_id",
            "in",
            units.map((unit) => unit.id),
          )
          .where("active", "=", true)
          .orderBy("name")
          .execute();
  return units.map((unit) => ({
    ...unit,
    services: services
      .filter((service) => service.unit_id === unit.id)
      .map((service) => ({ id: service.id, name: service.name, usersPerYear: service.users_per_year })),
  }));
}
