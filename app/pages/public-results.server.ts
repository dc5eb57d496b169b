import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { ElementCode } from "~/domain/indicators/elements";
import { countersOfUnit, servicesOfUnit, unitBySlugs } from "~/data/organisation.server";
import { publicComplaintsOfUnit } from "~/data/complaints/figures.server";
import { forumActionsForElement } from "~/data/forums/actions.server";
import {
  publicAgency,
  publicComplaintFigures,
  publicFollowUp,
  publicForumActions,
  publicSubject,
  publicTrend,
  type PublicSubject,
  type PublicTarget,
} from "~/data/public-results.server";
import { publicPeriodOf, publicPeriodOptions, type PublicPeriod } from "~/domain/indicators/public-period";
import type { Period } from "~/domain/indicators/period";
import { localDateOf } from "~/domain/working-days";
import { agencyResultRows, indicatorsAnswer } from "./open-data.server";

// What the citizens' results pages show: the unit or service for the last complete quarter (or the quarter or
// year the reader picked, `periode=2026-Q2`), read through the
// same answer as the open-data API (indicatorsAnswer), with the trend, the follow-up of the lowest element,
// complaint handling and forum actions. No officer is named.

/** The period picker's state: what is shown, what may be picked, and the error when the asked code was refused. */
export interface PeriodPicker {
  code: string;
  from: string;
  to: string;
  chosen: boolean;
  running: boolean;
  error: string | null;
  options: { code: string; kind: Period["kind"]; from: string; to: string }[];
}

const PERIOD_ERRORS: Record<Exclude<PublicPeriod, { ok: true }>["reason"], string> = {
  malformed: "publicResults.period.errors.malformed",
  outOfRange: "publicResults.period.errors.malformed",
  future: "publicResults.period.errors.future",
};

/** The period shown for what the reader asked, in the agency's own calendar. */
function pickPeriod(asked: string | null, timeZone: string, now: Date): { period: Period; picker: PeriodPicker } {
  const today = localDateOf(now, timeZone);
  const result = publicPeriodOf(asked, today);
  const shown = result.ok ? result : result.fallback;
  return {
    period: shown.period,
    picker: {
      code: shown.code,
      from: shown.period.from,
      to: shown.period.to,
      chosen: shown.chosen,
      running: shown.running,
      error: result.ok ? null : PERIOD_ERRORS[result.reason],
      options: publicPeriodOptions(today, shown.period).map(({ code, period }) => ({
        code,
        kind: period.kind,
        from: period.from,
        to: period.to,
      })),
    },
  };
}

async function resultsOf(db: Kysely<Database>, target: PublicTarget, asked: string | null, now: Date) {
  const found = await publicSubject(db, target);
  if (!found) return undefined;
  const { period, picker } = pickPeriod(asked, found.agency.timeZone, now);
  const result = await indicatorsAnswer(db, target, period, now);
  if (!result) return undefined;
  const { subject, answer } = result;
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
      picker,
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
export async function unitResultsPage(
  db: Kysely<Database>,
  agencySlug: string,
  unitSlug: string,
  asked: string | null,
  now: Date,
) {
  const unit = await unitBySlugs(db, agencySlug, unitSlug);
  if (!unit) return undefined;
  const page = await resultsOf(db, { kind: "unit", unitId: unit.id }, asked, now);
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
  asked: string | null,
  now: Date,
) {
  const unit = await unitBySlugs(db, agencySlug, unitSlug);
  if (!unit) return undefined;
  const page = await resultsOf(db, { kind: "service", serviceId }, asked, now);
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
export async function agencyComparisonPage(
  db: Kysely<Database>,
  agencySlug: string,
  sort: SortKey,
  asked: string | null,
  now: Date,
) {
  const agency = await publicAgency(db, agencySlug);
  if (!agency) return undefined;
  const { period, picker } = pickPeriod(asked, agency.timeZone, now);
  const result = await agencyResultRows(db, agencySlug, period, now, { services: false });
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
    sampleRequired: row.indicators.sampleRequired,
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
    picker,
    sort,
    rows: sorted,
  };
}

export type UnitResultsPage = NonNullable<Awaited<ReturnType<typeof unitResultsPage>>>;
export type PublicResults = UnitResultsPage["results"];
export type { PublicSubject };
