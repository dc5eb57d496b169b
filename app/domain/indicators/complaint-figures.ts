// Complaint-handling figures for a unit and period, from plain records. Time limits follow SP4N-LAPOR!
// (Perpres 76/2013, UU 25/2009; DOMAIN.md §3). Working days are counted by a function passed in, so this
// module stays independent of the holiday calendar an administrator keeps.

/** Verification, classification and forwarding within 3 working days of submission. SP4N-LAPOR! */
export const VERIFICATION_LIMIT_WORKING_DAYS = 3;
/** Follow-up by the responsible unit within 5 working days of forwarding. SP4N-LAPOR! */
export const FOLLOW_UP_LIMIT_WORKING_DAYS = 5;

const MILLISECONDS_PER_DAY = 86_400_000;

export interface ComplaintRecord {
  receivedAt: Date;
  /** When the administrator verified (or otherwise decided on) the complaint. */
  verifiedAt?: Date | null;
  /** When it was forwarded (disposisi) to the responsible unit. */
  forwardedAt?: Date | null;
  followedUpAt?: Date | null;
  closedAt?: Date | null;
  namesOfficer: boolean;
  /** Whether the complaint against the officer was found justified; null while undecided. */
  upheld?: boolean | null;
  /** The complainant's rating of the handling, if given. */
  handlingRating?: number | null;
}

/** Working days elapsed from `from` to `to`, as the calendar in use counts them. */
export type WorkingDaysBetween = (from: Date, to: Date) => number;

export interface ComplaintFigureOptions {
  /** Ratings received by the unit in the same period. */
  ratingCount: number;
  workingDaysBetween: WorkingDaysBetween;
  /** The moment the figures describe; decides whether an unfinished step is already late. */
  asOf: Date;
}

export interface ComplaintFigures {
  complaints: number;
  complaintsPer1000Ratings: number | null;
  /** Share (0..1) of decidable complaints verified within 3 working days. */
  shareVerifiedWithinLimit: number | null;
  /** Share (0..1) of decidable forwarded complaints followed up within 5 working days of forwarding. */
  shareFollowedUpWithinLimit: number | null;
  /** Median calendar days from receipt to closing, over closed complaints, full precision. */
  medianDaysToClose: number | null;
  /** Share (0..1) of decided complaints naming an officer that were upheld. */
  shareNamingOfficerUpheld: number | null;
  meanHandlingRating: number | null;
  /** The denominators behind each figure, so a page can show "n = …". */
  denominators: {
    ratings: number;
    verification: number;
    followUp: number;
    closed: number;
    namingOfficerDecided: number;
    handlingRatings: number;
  };
}

function share(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

type DeadlineOutcome = "on_time" | "late" | "pending";

/**
 * Decision: a step done within the limit is on time, a step done after it is late, and a step not yet done
 * is late once the limit has passed at `asOf` (so backlogs are not hidden) and left out while still open.
 */
function deadlineOutcome(
  start: Date,
  done: Date | null | undefined,
  limit: number,
  asOf: Date,
  workingDaysBetween: WorkingDaysBetween,
): DeadlineOutcome {
  if (done) return workingDaysBetween(start, done) <= limit ? "on_time" : "late";
  return workingDaysBetween(start, asOf) > limit ? "late" : "pending";
}

export function computeComplaintFigures(
  complaints: readonly ComplaintRecord[],
  options: ComplaintFigureOptions,
): ComplaintFigures {
  const { ratingCount, workingDaysBetween, asOf } = options;
  if (!Number.isSafeInteger(ratingCount) || ratingCount < 0) {
    throw new RangeError(`The rating count must be a non-negative integer, got ${ratingCount}`);
  }

  let verifiedOnTime = 0;
  let verificationDecidable = 0;
  let followedUpOnTime = 0;
  let followUpDecidable = 0;
  const daysToClose: number[] = [];
  let namingOfficerDecided = 0;
  let namingOfficerUpheld = 0;
  const handlingRatings: number[] = [];

  for (const complaint of complaints) {
    const verification = deadlineOutcome(
      complaint.receivedAt,
      complaint.verifiedAt,
      VERIFICATION_LIMIT_WORKING_DAYS,
      asOf,
      workingDaysBetween,
    );
    if (verification !== "pending") verificationDecidable += 1;
    if (verification === "on_time") verifiedOnTime += 1;

    if (complaint.forwardedAt) {
      const followUp = deadlineOutcome(
        complaint.forwardedAt,
        complaint.followedUpAt,
        FOLLOW_UP_LIMIT_WORKING_DAYS,
        asOf,
        workingDaysBetween,
      );
      if (followUp !== "pending") followUpDecidable += 1;
      if (followUp === "on_time") followedUpOnTime += 1;
    }

    if (complaint.closedAt) {
      daysToClose.push((complaint.closedAt.getTime() - complaint.receivedAt.getTime()) / MILLISECONDS_PER_DAY);
    }

    if (complaint.namesOfficer && typeof complaint.upheld === "boolean") {
      namingOfficerDecided += 1;
      if (complaint.upheld) namingOfficerUpheld += 1;
    }

    if (typeof complaint.handlingRating === "number" && Number.isFinite(complaint.handlingRating)) {
      handlingRatings.push(complaint.handlingRating);
    }
  }

  const handlingRatingTotal = handlingRatings.reduce((total, rating) => total + rating, 0);
  return {
    complaints: complaints.length,
    complaintsPer1000Ratings: ratingCount === 0 ? null : (complaints.length * 1000) / ratingCount,
    shareVerifiedWithinLimit: share(verifiedOnTime, verificationDecidable),
    shareFollowedUpWithinLimit: share(followedUpOnTime, followUpDecidable),
    medianDaysToClose: median(daysToClose),
    shareNamingOfficerUpheld: share(namingOfficerUpheld, namingOfficerDecided),
    meanHandlingRating: share(handlingRatingTotal, handlingRatings.length),
    denominators: {
      ratings: ratingCount,
      verification: verificationDecidable,
      followUp: followUpDecidable,
      closed: daysToClose.length,
      namingOfficerDecided,
      handlingRatings: handlingRatings.length,
    },
  };
}
