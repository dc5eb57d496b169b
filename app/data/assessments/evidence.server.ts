import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { averagePoints, BERAKHLAK_VALUES, type BerakhlakValue } from "~/domain/berakhlak";
import {
  exactShare,
  isScoreIndicator,
  rateScore,
  suggestHasilKerja,
  suggestPerilaku,
  sumDecimals,
  type Suggestion,
} from "~/domain/skp-assessment";
import type { Rating } from "~/domain/predikat";
import type { PeriodKind, PortalIndicator } from "~/domain/skp";
import { rationalToNumber } from "~/domain/indicators/ikm";
import { addCalendarDays, endOfLocalDay } from "~/domain/working-days";
import {
  officerElements,
  openContests,
  portalValue,
  serviceEvidence,
  upheldComplaints,
  type OfficerElement,
  type UnitElement,
  unitElements,
  type OpenContest,
  type ServiceEvidence,
  type Sourced,
  type UpheldComplaint,
} from "../assessment-sources.server";
import { planById, type PlanRow } from "../skp/access.server";
import { activeResults } from "../skp/queries.server";

// The evidence pack of an SKP period (PermenPANRB 6/2022): work results against their targets, behaviour reviews,
// the officer's service figures and upheld complaints, and the suggested ratings; frozen into each version.

export interface ResultEvidence {
  id: number;
  description: string;
  indicator: string;
  target: number;
  unitOfMeasure: string;
  portalIndicator: PortalIndicator | null;
  /** Sum of the logged achievements' quantities, or the portal's figure; null when unknown. */
  realisation: number | null;
  /** realisation / target, null when unknown, the target is 0, or the result is a score. */
  share: number | null;
  /** A score indicator's rating on its own scale (absent in packs frozen before scores were rated so). */
  scoreRating?: Rating | null;
  achievements: number;
}

export interface BehaviourEvidence {
  value: BerakhlakValue;
  self: Rating | null;
  supervisor: Rating | null;
  peers: Rating[];
  /** Mean points (1–3) over every review of this value. */
  average: number | null;
}

/** The evidence pack, as shown before finalising and as frozen (jsonb) in every assessment version. */
export interface EvidencePack {
  assembledAt: string;
  period: { kind: PeriodKind; start: string; end: string };
  service: Sourced<ServiceEvidence>;
  /** U6/U7 NRR of the officer's surveys (packs frozen before this field existed lack it). */
  elements?: Sourced<OfficerElement[]>;
  /** The nine elements' NRR over the officer's unit (packs frozen before this field existed lack it). */
  unitElements?: Sourced<UnitElement[]>;
  complaints: Sourced<UpheldComplaint[]>;
  results: ResultEvidence[];
  achievements: { count: number; withFile: number };
  feedbackNotes: number;
  behaviours: BehaviourEvidence[];
  reviewers: { self: boolean; supervisor: boolean; peers: number; peersChosen: number };
  suggestions: { hasilKerja: Suggestion; perilaku: Suggestion };
}

function spanOf(plan: Pick<PlanRow, "periodStart" | "periodEnd">, timeZone: string) {
  return {
    from: new Date(endOfLocalDay(addCalendarDays(plan.periodStart, -1), timeZone).getTime() + 1),
    to: endOfLocalDay(plan.periodEnd, timeZone),
  };
}

export async function timeZoneOf(db: Kysely<Database>, agencyId: number): Promise<string> {
  const agency = await db
    .selectFrom("agencies")
    .select("time_zone")
    .where("id", "=", agencyId)
    .executeTakeFirstOrThrow();
  return agency.time_zone;
}

/** Gathers the evidence for an officer and period as it stands now. */
export async function evidencePack(db: Kysely<Database>, planId: number, now: Date): Promise<EvidencePack> {
  const plan = await planById(db, planId);
  if (!plan) throw new Error(`No SKP plan ${planId}`);
  const timeZone = await timeZoneOf(db, plan.agencyId);
  const span = spanOf(plan, timeZone);
  const [results, achievementRows, feedback, reviews, peersChosen, service, complaints, elements, unitElementEvidence] = await Promise.all([
    activeResults(db, planId),
    db
      .selectFrom("skp_achievements")
      .select(["result_id as resultId", "quantity", "evidence_file as file"])
      .where("plan_id", "=", planId)
      .execute(),
    db
      .selectFrom("skp_feedback")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("plan_id", "=", planId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("skp_reviews")
      // A peer without an account is known by their link.
      .select([sql<string>`coalesce('officer:' || reviewer_officer_id, 'link:' || peer_link_id)`.as("reviewerId"), "kind", "value", "rating"])
      .where("plan_id", "=", planId)
      .execute(),
    // Peers asked: colleagues chosen by account and peers invited through a link.
    db
      .selectNoFrom(
        sql<number>`(select count(*)::int from skp_peers where plan_id = ${planId}) + (select count(*)::int from skp_peer_links where plan_id = ${planId})`.as("n"),
      )
      .executeTakeFirstOrThrow(),
    serviceEvidence(db, plan.officerId, span),
    upheldComplaints(db, plan.officerId, span),
    officerElements(db, plan.officerId, span),
    unitElements(db, plan.unitId, span),
  ]);

  const resultEvidence: ResultEvidence[] = [];
  for (const result of results) {
    const linked = achievementRows.filter((a) => a.resultId === result.id);
    let realisation: number | null;
    if (result.portalIndicator) {
      const value = await portalValue(
        db,
        result.portalIndicator,
        { officerId: plan.officerId, unitId: plan.unitId },
        span,
      );
      realisation = value.available ? value.value : null;
    } else {
      const quantities = linked.map((a) => a.quantity).filter((q): q is number => q !== null);
      realisation = sumDecimals(quantities);
    }
    const score = isScoreIndicator(result.portalIndicator);
    const share = score ? null : exactShare({ target: result.target, realisation });
    resultEvidence.push({
      ...result,
      realisation,
      share: share === null ? null : rationalToNumber(share),
      scoreRating:
        score && result.portalIndicator && realisation !== null && result.target > 0
          ? rateScore(result.portalIndicator, result.target, realisation)
          : null,
      achievements: linked.length,
    });
  }

  const behaviours: BehaviourEvidence[] = BERAKHLAK_VALUES.map((value) => {
    const forValue = reviews.filter((review) => review.value === value);
    return {
      value,
      self: forValue.find((r) => r.kind === "self")?.rating ?? null,
      supervisor: forValue.find((r) => r.kind === "supervisor")?.rating ?? null,
      peers: forValue.filter((r) => r.kind === "peer").map((r) => r.rating),
      average: averagePoints(forValue.map((r) => r.rating)),
    };
  });

  return {
    assembledAt: now.toISOString(),
    period: { kind: plan.periodKind, start: plan.periodStart, end: plan.periodEnd },
    service,
    elements,
    unitElements: unitElementEvidence,
    complaints,
    results: resultEvidence,
    achievements: { count: achievementRows.length, withFile: achievementRows.filter((a) => a.file !== null).length },
    feedbackNotes: feedback.n,
    behaviours,
    reviewers: {
      self: reviews.some((r) => r.kind === "self"),
      supervisor: reviews.some((r) => r.kind === "supervisor"),
      peers: new Set(reviews.filter((r) => r.kind === "peer").map((r) => r.reviewerId)).size,
      peersChosen: peersChosen.n,
    },
    suggestions: {
      hasilKerja: suggestHasilKerja(resultEvidence),
      perilaku: suggestPerilaku(reviews.map((r) => r.rating)),
    },
  };
}

/** Open contests on the officer's ratings, shown before finalising (from the ratings feature). */
export async function openContestsBeforeFinalising(
  db: Kysely<Database>,
  officerId: number,
): Promise<Sourced<OpenContest[]>> {
  return openContests(db, officerId);
}
