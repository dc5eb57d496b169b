import { ELEMENT_CODES, type ElementCode } from "~/domain/indicators/elements";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { DEFAULT_MINIMUM_RATINGS, type OfficerScore } from "~/domain/indicators/officer-score";
import type { PortalIndicator } from "~/domain/skp";
import { upheldComplaintsAgainstOfficer } from "./complaints/figures.server";
import { openContestsForOfficer } from "./contests.server";
import { officerServiceEvidence, portalIndicatorValue } from "./indicators.server";

// The evidence the assessment borrows from other features (ratings, contests, complaints), in one place.
// `Sourced` keeps room for a source that cannot answer: the evidence pack then says "not available" instead
// of showing a made-up figure (and frozen packs from before a source existed still read correctly).

export type Sourced<T> = { available: true; value: T } | { available: false };

export interface ServiceEvidence {
  score: OfficerScore;
  ratingCount: number;
  verifiedShare: number | null;
  comments: number;
}

export interface OpenContest {
  id: number;
  ratingId: number;
  reason: string;
  createdAt: Date;
}

export interface UpheldComplaint {
  id: number;
  trackingCode: string;
  category: string;
  body: string;
  closedAt: Date | null;
  replies: { at: Date; text: string }[];
}

export interface Span {
  from: Date;
  to: Date;
}

export async function serviceEvidence(
  db: Kysely<Database>,
  officerId: number,
  span: Span,
): Promise<Sourced<ServiceEvidence>> {
  return { available: true, value: await officerServiceEvidence(db, officerId, span) };
}

export async function portalValue(
  db: Kysely<Database>,
  indicator: PortalIndicator,
  subject: { officerId: number; unitId: number },
  span: Span,
): Promise<Sourced<number | null>> {
  return { available: true, value: await portalIndicatorValue(db, indicator, subject, span) };
}

export async function openContests(db: Kysely<Database>, officerId: number): Promise<Sourced<OpenContest[]>> {
  return { available: true, value: await openContestsForOfficer(db, officerId) };
}

export async function upheldComplaints(
  db: Kysely<Database>,
  officerId: number,
  span: Span,
): Promise<Sourced<UpheldComplaint[]>> {
  const rows = await upheldComplaintsAgainstOfficer(db, officerId, span.from, span.to);
  return {
    available: true,
    value: rows.map((row) => ({
      id: row.id,
      trackingCode: row.trackingCode,
      category: String(row.category),
      body: row.body,
      closedAt: row.closedAt,
      replies: row.replies,
    })),
  };
}

export interface OfficerElement {
  code: "U6" | "U7";
  /** Mean answer (NRR, 1–4) of the officer's valid full surveys in the span. */
  nrr: number;
  n: number;
}

/**
 * NRR of the two elements that describe the officer (U6 competence, U7 behaviour; DOMAIN.md §1.1), from the
 * same ratings the service score counts (valid, still attributed to the officer). Elements with fewer answers
 * than the scoring minimum are left out, so training is never suggested from a handful of answers.
 */
export async function officerElements(
  db: Kysely<Database>,
  officerId: number,
  span: Span,
): Promise<Sourced<OfficerElement[]>> {
  const row = await db
    .selectFrom("ratings")
    .select([
      sql<number | null>`avg(u6)::float8`.as("u6"),
      sql<number>`count(u6)::int`.as("n6"),
      sql<number | null>`avg(u7)::float8`.as("u7"),
      sql<number>`count(u7)::int`.as("n7"),
    ])
    .where("officer_id", "=", officerId)
    .where("status", "=", "valid")
    .where("officer_attribution_removed", "=", false)
    .where("submitted_at", ">=", span.from)
    .where("submitted_at", "<=", span.to)
    .executeTakeFirstOrThrow();
  const elements: OfficerElement[] = [];
  if (row.u6 !== null && row.n6 >= DEFAULT_MINIMUM_RATINGS) elements.push({ code: "U6", nrr: row.u6, n: row.n6 });
  if (row.u7 !== null && row.n7 >= DEFAULT_MINIMUM_RATINGS) elements.push({ code: "U7", nrr: row.u7, n: row.n7 });
  return { available: true, value: elements };
}

export interface UnitElement {
  code: ElementCode;
  /** Mean answer (NRR, 1–4) of the unit's valid surveys in the span. */
  nrr: number;
  n: number;
}

/**
 * NRR of all nine elements over the unit's valid ratings in the span (PermenPANRB 14/2017): the unit's lowest
 * element is a development priority for every officer in it. Elements with fewer answers than the scoring
 * minimum are left out.
 */
export async function unitElements(db: Kysely<Database>, unitId: number, span: Span): Promise<Sourced<UnitElement[]>> {
  const row = await db
    .selectFrom("ratings")
    .select(
      ELEMENT_CODES.flatMap((code) => {
        const column = sql.ref(code.toLowerCase());
        return [sql<number | null>`avg(${column})::float8`.as(`${code}_nrr`), sql<number>`count(${column})::int`.as(`${code}_n`)];
      }),
    )
    .where("unit_id", "=", unitId)
    .where("status", "=", "valid")
    .where("submitted_at", ">=", span.from)
    .where("submitted_at", "<=", span.to)
    .executeTakeFirstOrThrow();
  const values = row as unknown as Record<string, number | null>;
  const elements: UnitElement[] = [];
  for (const code of ELEMENT_CODES) {
    const nrr = values[`${code}_nrr`] ?? null;
    const n = values[`${code}_n`] ?? 0;
    if (nrr !== null && n >= DEFAULT_MINIMUM_RATINGS) elements.push({ code, nrr, n });
  }
  return { available: true, value: elements };
}
