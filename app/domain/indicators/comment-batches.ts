// An officer must not be able to tie a comment to the citizen just served. Comments reach the officer only in
// batches of at least MIN_BATCH comments, made of whole weeks that have already ended, on a grid fixed by the
// server: weeks are counted by when the server received each rating (a rating sent late from an offline queue
// lands in the week it arrived, never in a week already released) and grouped from the officer's first comment
// onwards, whatever period the page shows. A released batch therefore never grows; the comments of the week in
// progress, and of ended weeks still short of a batch, wait and are only counted.
export const MIN_BATCH = 5;

export interface CommentForBatch {
  /** Monday of the week the server received the rating, "YYYY-MM-DD" (the agency's time zone). */
  week: string;
  comment: string;
}

export interface CommentBatch {
  fromWeek: string;
  toWeek: string;
  comments: string[];
}

export interface BatchedComments {
  batches: CommentBatch[];
  /** Comments not yet in a batch: the week in progress, and ended weeks still short of MIN_BATCH comments. */
  waiting: number;
}

/** Batches of whole ended weeks (before `currentWeek`), each closed as soon as it holds `minimum` comments. */
export function batchComments(comments: readonly CommentForBatch[], currentWeek: string, minimum = MIN_BATCH): BatchedComments {
  const byWeek = new Map<string, string[]>();
  for (const item of comments) if (item.week < currentWeek) byWeek.set(item.week, [...(byWeek.get(item.week) ?? []), item.comment]);
  const batches: CommentBatch[] = [];
  let pending: string[] = [];
  let fromWeek = "";
  for (const week of [...byWeek.keys()].sort()) {
    if (pending.length === 0) fromWeek = week;
    pending = [...pending, ...byWeek.get(week)!];
    if (pending.length >= minimum) {
      // Alphabetical order hides the order of arrival.
      batches.push({ fromWeek, toWeek: week, comments: [...pending].sort((a, b) => a.localeCompare(b)) });
      pending = [];
    }
  }
  const released = batches.reduce((total, batch) => total + batch.comments.length, 0);
  return { batches, waiting: comments.length - released };
}

/** Monday of the week holding `day` ("YYYY-MM-DD"), the ISO week's first day. */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}
