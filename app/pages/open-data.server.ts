import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import type { Period } from "~/domain/indicators/period";
import { periodCode } from "~/domain/indicators/publication";
import { publicComplaintRequests } from "~/data/public-complaints.server";
import { publishedForumRecord, publishedForums } from "~/data/public-forums.server";
import {
  lastCompleteQuarter,
  publicAgencies,
  publicAgency,
  publicComplaintFigures,
  publicIndicators,
  publicSubject,
  publicUnitsOfAgency,
  type PublicIndicators,
  type PublicRecommendation,
  type PublicSubject,
  type PublicTarget,
} from "~/data/public-results.server";
import { localDateOf } from "~/domain/working-days";
import { createTranslator } from "~/i18n/react";
import { RESOURCES } from "~/i18n/resources.server";
import type { ComplaintList, ForumRecord, Indicators, UnitList } from "~/http/open-data/schemas";

// The open-data answers, built from the public-results data functions. The public pages read the same answers
// (indicatorsAnswer), so a page and the API show one figure for one unit and period.

const indonesian = createTranslator("id", RESOURCES.id);

/** The element's name as the regulation writes it (PermenPANRB 14/2017), whatever the reader's language. */
export function elementName(code: string): string {
  return indonesian(`ratings.elements.${code}.name`);
}

export async function agenciesAnswer(db: Kysely<Database>) {
  return { agencies: await publicAgencies(db) };
}

export async function unitsAnswer(db: Kysely<Database>, slugOrId: string): Promise<UnitList | undefined> {
  const agency = await publicAgency(db, slugOrId);
  if (!agency) return undefined;
  const units = await publicUnitsOfAgency(db, agency.id);
  return {
    agency: { id: agency.id, slug: agency.slug, name: agency.name, province: agency.province },
    units: units.map((unit) => ({
      ...unit,
      publicUrl: unit.parentId === null ? `/kantor/${agency.slug}` : `/kantor/${agency.slug}/${unit.slug}`,
    })),
  };
}

/** The answer of /units/{id}/indicators and /services/{id}/indicators from the public figures. */
export function indicatorsFrom(figures: PublicIndicators, period: Period): Indicators {
  const { subject, published, quick, excluded } = figures;
  return {
    unit: { id: subject.unit.id, name: subject.unit.name, agency: subject.agency.name },
    service: subject.kind === "service" ? { id: subject.id, name: subject.name } : null,
    period: { code: codeOf(period), from: period.from, to: period.to },
    respondents: published.respondents,
    minimum: published.minimum,
    suppressed: published.suppressed,
    ikm: published.kind === "published" ? published.ikm : null,
    mutu: published.kind === "published" ? published.mutu : null,
    lowest: published.kind === "published" ? published.lowest : null,
    population: published.population,
    sampleRequired: published.sampleRequired,
    sufficient: published.kind === "published" ? published.sufficient : null,
    elements: published.elements.map((element) => ({
      code: element.code,
      name: elementName(element.code),
      nrr: element.nrr,
      answers: element.answers,
    })),
    quick: {
      ratings: quick.ratings,
      satisfiedShare: quick.satisfiedShare,
      interval: quick.interval,
      suppressed: quick.suppressed,
    },
    excluded,
    recommendations: {
      items: figures.recommendations.items.map(recommendationAnswer),
      previous: {
        from: figures.recommendations.previous.from,
        to: figures.recommendations.previous.to,
        items: figures.recommendations.previous.items.map(recommendationAnswer),
        done: figures.recommendations.previous.done,
      },
    },
  };
}

function recommendationAnswer(row: PublicRecommendation): Indicators["recommendations"]["items"][number] {
  return { ...row, elementName: elementName(row.element) };
}

/** A subject's indicators for a period (the last complete quarter when none is asked), or undefined when unknown. */
export async function indicatorsAnswer(
  db: Kysely<Database>,
  target: PublicTarget,
  period: Period | undefined,
  now: Date,
): Promise<{ subject: PublicSubject; answer: Indicators } | undefined> {
  const subject = await publicSubject(db, target);
  if (!subject) return undefined;
  const chosen = period ?? lastCompleteQuarter(now, subject.agency.timeZone);
  const today = localDateOf(now, subject.agency.timeZone);
  return { subject, answer: indicatorsFrom(await publicIndicators(db, subject, chosen, today), chosen) };
}

const OPEN_STATUSES = new Set(["terverifikasi", "diteruskan", "ditindaklanjuti", "ditanggapi"]);

export async function complaintsAnswer(
  db: Kysely<Database>,
  unitId: number,
  period: Period | undefined,
  now: Date,
): Promise<ComplaintList | undefined> {
  const subject = await publicSubject(db, { kind: "unit", unitId });
  if (!subject) return undefined;
  const chosen = period ?? lastCompleteQuarter(now, subject.agency.timeZone);
  const [figures, requests] = await Promise.all([
    publicComplaintFigures(db, subject, chosen, now),
    publicComplaintRequests(db, subject, chosen),
  ]);
  return {
    unit: { id: subject.unit.id, name: subject.unit.name, agency: subject.agency.name },
    period: { code: codeOf(chosen), from: chosen.from, to: chosen.to },
    figures: {
      received: figures.received,
      shareVerifiedWithin3WorkingDays: figures.shareVerifiedWithin3,
      shareFollowedUpWithin5WorkingDays: figures.shareFollowedUpWithin5,
      medianDaysToClose: figures.medianDaysToClose === null ? null : Math.round(figures.medianDaysToClose * 10) / 10,
    },
    requests: requests.map((request) => ({
      service_request_id: String(request.id),
      status: OPEN_STATUSES.has(request.status) ? "open" : "closed",
      status_notes: request.status,
      service_name: request.serviceName,
      description: request.body,
      requested_datetime: request.submittedAt.toISOString(),
      updated_datetime: request.updatedAt.toISOString(),
      agency_responsible: request.responsibleUnitName,
      category: request.category,
      reporter_name: request.reporterName,
      follow_up: request.followUp,
    })),
  };
}

/** The period's public code ("2026-Q3"); a custom range reads "from/to". */
function codeOf(period: Period): string {
  return periodCode(period) ?? `${period.from}/${period.to}`;
}

export async function forumsAnswer(db: Kysely<Database>) {
  const forums = await publishedForums(db);
  return { forums: forums.map((forum) => ({ ...forum, publishedAt: forum.publishedAt.toISOString() })) };
}

export async function forumAnswer(db: Kysely<Database>, forumId: number, now: Date): Promise<ForumRecord | undefined> {
  const record = await publishedForumRecord(db, forumId, now);
  if (!record) return undefined;
  const { snapshot } = record;
  return {
    id: record.id,
    title: record.title,
    unit: record.unit,
    agency: record.agency,
    heldOn: record.heldOn,
    place: record.place,
    version: record.version,
    publishedAt: record.publishedAt.toISOString(),
    agenda: snapshot.forum.agenda,
    attendance: snapshot.attendance.map((row) => ({ group: row.group, count: row.count })),
    themes: snapshot.themes.map((theme) => ({
      priority: theme.priority,
      label: theme.label,
      element: theme.element === "" ? null : theme.element,
      summary: theme.summary,
      inputs: theme.items.map((item) => ({ number: item.number, body: item.body, group: item.group, name: item.name })),
    })),
    agreements: snapshot.agreements,
    actions: record.actions.map((action) => ({
      ...action,
      updates: action.updates.map((update) => ({ ...update, at: update.at.toISOString() })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The agency's results as rows (the CSV and XLSX downloads and the comparison page)

export interface AgencyResultRow {
  agency: string;
  unitId: number;
  unitSlug: string;
  unit: string;
  serviceId: number | null;
  service: string | null;
  indicators: Indicators;
}

/** One row per unit and per active service of the agency, for a period; undefined for an unknown agency. */
export async function agencyResultRows(
  db: Kysely<Database>,
  slugOrId: string,
  period: Period | undefined,
  now: Date,
  options: { services?: boolean } = {},
) {
  const agency = await publicAgency(db, slugOrId);
  if (!agency) return undefined;
  const chosen = period ?? lastCompleteQuarter(now, agency.timeZone);
  const units = (await publicUnitsOfAgency(db, agency.id)).filter((unit) => unit.parentId !== null);
  const targets: PublicTarget[] = units.flatMap((unit) => [
    { kind: "unit" as const, unitId: unit.id },
    ...(options.services === false
      ? []
      : unit.services.map((service) => ({ kind: "service" as const, serviceId: service.id }))),
  ]);
  const rows: AgencyResultRow[] = [];
  // One subject at a time: a government has tens of units and services, and the pool is shared with the pages.
  for (const target of targets) {
    const result = await indicatorsAnswer(db, target, chosen, now);
    if (!result) continue;
    rows.push({
      agency: agency.slug,
      unitId: result.answer.unit.id,
      unitSlug: result.subject.unit.slug,
      unit: result.answer.unit.name,
      serviceId: result.answer.service?.id ?? null,
      service: result.answer.service?.name ?? null,
      indicators: result.answer,
    });
  }
  return { agency, period: chosen, code: codeOf(chosen), rows };
}

/** The element codes in the order files list them. */
export const FILE_ELEMENT_CODES = ELEMENT_CODES;
