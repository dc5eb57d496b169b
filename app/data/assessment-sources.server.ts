import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { OfficerScore } from "~/domain/indicators/officer-score";
import type { PortalIndicator } from "~/domain/skp";

// The evidence the assessment borrows from other features (ratings, contests, complaints), in one place.
// Each source answers `{ available: false }` until its feature provides the function; the evidence pack then
// says "not available" instead of showing a made-up figure.

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
  reference: string;
  summary: string;
  officerReply: string | null;
  at: Date;
}

export interface Span {
  from: Date;
  to: Date;
}

export async function serviceEvidence(_db: Kysely<Database>, _officerId: number, _span: Span): Promise<Sourced<ServiceEvidence>> {
  return { available: false };
}

export async function portalValue(
  _db: Kysely<Database>,
  _indicator: PortalIndicator,
  _subject: { officerId: number; unitId: number },
  _span: Span,
): Promise<Sourced<number | null>> {
  return { available: false };
}

export async function openContests(_db: Kysely<Database>, _officerId: number): Promise<Sourced<OpenContest[]>> {
  return { available: false };
}

export async function upheldComplaints(_db: Kysely<Database>, _officerId: number, _span: Span): Promise<Sourced<UpheldComplaint[]>> {
  return { available: false };
}
