// An officer must not be able to tie a comment to the citizen just served: comments reach the officer only
// in batches covering at least MIN_BATCH ratings, dated by week, in an order that says nothing about time.
export const MIN_BATCH = 5;

export interface OfficerRatingForBatch {
  /** Monday of the rating's week, "YYYY-MM-DD". */
  week: string;
  comment: string | null;
}

export interface CommentBatch {
  fromWeek: string;
  toWeek: string;
  ratings: number;
  comments: string[];
}

export interface BatchedComments {
  batches: CommentBatch[];
  /** Comments held back until enough further ratings arrive. */
  withheld: number;
}

/** Groups consecutive weeks until each group holds at least `minimum` ratings; the open remainder waits. */
export function batchComments(ratings: readonly OfficerRatingForBatch[], minimum = MIN_BATCH): BatchedComments {
  const byWeek = new Map<string, OfficerRatingForBatch[]>();
  for (const rating of ratings) byWeek.set(rating.week, [...(byWeek.get(rating.week) ?? []), rating]);
  const weeks = [...byWeek.keys()].sort();
  const batches: CommentBatch[] = [];
  let pending: OfficerRatingForBatch[] = [];
  let fromWeek = "";
  for (const week of weeks) {
    if (pending.length === 0) fromWeek = week;
    pending = [...pending, ...byWeek.get(week)!];
    if (pending.length >= minimum) {
      batches.push({
        fromWeek,
        toWeek: week,
        ratings: pending.length,
        // Alphabetical order hides the order of arrival.
        comments: pending.map((item) => item.comment).filter((comment): comment is string => Boolean(comment)).sort((a, b) => a.localeCompare(b)),
      });
      pending = [];
    }
  }
  const withheld = pending.filter((item) => item.comment).length;
  return { batches, withheld };
}
