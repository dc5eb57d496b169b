import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { ElementCode } from "~/domain/indicators/elements";
import { countersOfUnit, servicesOfUnit, unitBySlugs } from "~/data/organisation.server";
import { publicComplaintsOfUnit } from "~/data/complaints/figures.server";
import { forumActionsForElement } from "~/data/forums/actions.server";
import {
  publicComplaintFigures,
  publicFollowUp,
  publicForumActions,
  publicTrend,
  type PublicSubject,
  type PublicTarget,
} from "~/data/public-results.server";
import { agencyResultRows, indicatorsAnswer } from "./open-data.server";

// What the citizens' results pages show: the unit or service for the last complete quarter, read through the
// same answer as the open-data API (indicatorsAnswer), with the trend, the follow-up of the lowest element,
// complaint handling and forum actions. No officer is named.

async function resultsOf(db: Kysely<Database>, target: PublicTarget, now: Date) {
  const result = await indicatorsAnswer(db, target, undefined, now);
  if (!result) return undefined;
  const { subject, answer } = result;
  const period = { kind: "quarter" as const, from: answer.period.from, to: answer.period.to };
  const [trend, followUp, complaintFigures, forum, lowestActions] = await Promise.all([
    publicTrend(db, subject, period),
    publicFollowUp(db, subject, period, answer.lowest),
    publicComplaintFigures(db, subject, period, now),
    publicForumActions(db, subject, now),
    answer.lowest ? forumActionsForElement(db, subject.unit.id, answer.lowest, now) : Promise.resolve([]),
  ]);
  return {
    subject,
    results: {
      indicators: answer,
      trend,
      followUp: {
        ...followUp,
        actions: lowestActions.map(({ id, description, status, dueOn, late, publicUrl }) => ({
          id,
          description,
          status,
          dueOn,
          late,
          publicUrl,
        })),
      },
      complaintFigures,
      forum,
    },
  };
}

/** The unit's public page, or undefined for an unknown or retired unit. */
export async function unitResultsPage(db: Kysely<Database>, agencySlug: string, unitSlug: string, now: Date) {
  const unit = await unitBySlugs(db, agencySlug, unitSlug);
  if (!unit) return undefined;
  const page = await resultsOf(db, { kind: "unit", unitId: unit.id }, now);
  if (!page) return undefined;
  const [services, counters, complaints] = await Promise.all([
    servicesOfUnit(db, unit.id),
    countersOfUnit(db, unit.id),
    publicComplaintsOfUnit(db, unit.id, { limit: 10 }),
  ]);
  return {
    unit: {
      id: unit.id,
      name: unit.name,
      address: unit.address,
      agencyName: unit.agencyName,
      agencySlug,
      slug: unitSlug,
      timeZone: unit.timeZone,
    },
    services,
    counters,
    complaints: complaints.map(({ submittedAt, status, body, followUp }) => ({ submittedAt, status, body, followUp })),
    results: page.results,
  };
}

/** A service's public page (the service must belong to the unit in the address). */
export async function serviceResultsPage(
  db: Kysely<Database>,
  agencySlug: string,
  unitSlug: string,
  serviceId: number,
  now: Date,
) {
  const unit = await unitBySlugs(db, agencySlug, unitSlug);
  if (!unit) return undefined;
  const page = await resultsOf(db, { kind: "service", serviceId }, now);
  if (!page || page.subject.unit.id !== unit.id) return undefined;
  const service = (await servicesOfUnit(db, unit.id)).find((row) => row.id === serviceId);
  if (!service) return undefined;
  return {
    unit: {
      id: unit.id,
      name: unit.name,
      agencyName: unit.agencyName,
      agencySlug,
      slug: unitSlug,
      timeZone: unit.timeZone,
    },
    service,
    results: page.results,
  };
}

export type SortKey = "name" | "ikm" | "respondents";

/** The agency's units side by side for the last complete quarter (or a chosen one), sortable; minimum respected. */
export async function agencyComparisonPage(db: Kysely<Database>, agencySlug: string, sort: SortKey, now: Date) {
  const result = await agencyResultRows(db, agencySlug, undefined, now, { services: false });
  if (!result) return undefined;
  const rows = result.rows.map((row) => ({
    unitId: row.unitId,
    slug: row.unitSlug,
    name: row.unit,
    respondents: row.indicators.respondents,
    suppressed: row.indicators.suppressed,
    ikm: row.indicators.ikm,
    mutu: row.indicators.mutu,
    lowest: row.indicators.lowest as ElementCode | null,
    sufficient: row.indicators.sufficient,
  }));
  const sorted = [...rows].sort((a, b) => {
    if (sort === "respondents") return b.respondents - a.respondents || a.name.localeCompare(b.name, "id");
    // Withheld figures sort after every published one, whichever way the figures run.
    if (sort === "ikm") return (b.ikm ?? -1) - (a.ikm ?? -1) || a.name.localeCompare(b.name, "id");
    return a.name.localeCompare(b.name, "id");
  });
  return {
    agency: {
      slug: result.agency.slug,
      name: result.agency.name,
      province: result.agency.province,
      minimum: result.agency.minimum,
    },
    period: { from: result.period.from, to: result.period.to, code: result.code },
    sort,
    rows: sorted,
  };
}

export type UnitResultsPage = NonNullable<Awaited<ReturnType<typeof unitResultsPage>>>;
export type PublicResults = UnitResultsPage["results"];
export type { PublicSubject };
