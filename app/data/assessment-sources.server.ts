import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { OfficerScore } from "~/domain/indicators/officer-score";
import type { PortalIndicator } from "~/domain/skp";
import { upheldComplaintsAgainstOfficer } from "./complaints.server";
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

export async function serviceEvidence(db: Kysely<Database>, officerId: number, span: Span): Promise<Sourced<ServiceEvidence>> {
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

export async function upheldComplaints(db: Kysely<Database>, officerId: number, span: Span): Promise<Sourced<UpheldComplaint[]>> {
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
