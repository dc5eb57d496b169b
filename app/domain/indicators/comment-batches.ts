// An officer must not be able to tie a comment to the citizen just served. Comments reach the officer only in
// batches of at least MIN_BATCH comments, made of whole weeks that have already ended, on a grid fixed by the
// server: each comment belongs to the week it joined the officer's comments, which is the week the server received
// the rating (a rating sent late from an offline queue lands in the week it arrived), or, for a rating the abuse
// checks held back, the week a reviewer judged it valid. Either way that week was in progress when the comment
// joined, so it never lands in a batch already released. Batches are grouped from the officer's first comment
// onwards, whatever period the page shows. A comment that leaves later (an upheld contest removes the officer's
// attribution) is hidden but keeps its place in the grid once its batch was released, so no released batch ever
// moves or grows; one that left before its batch was released never counted. The comments of the week in
// progress, and of ended weeks still short of a batch, wait and are only counted.
import { addCalendarDays, dayOfWeek } from "../working-days";

export const MIN_BATCH = 5;

export interface CommentForBatch {
  /** Monday of the week the comment joined (received, or judged valid after a hold), "YYYY-MM-DD", the agency's time zone. */
  week: string;
  comment: string;
  /** Monday of the week the comment left the officer's comments (an upheld contest); absent while it stays. */
  removedWeek?: string | null;
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

/**
 * Batches of whole ended weeks (before `currentWeek`), each closed as soon as it holds `minimum` comments. A batch
 * is released when the week after its last week begins: a comment removed in that week or later still counts for
 * it (hidden), one removed earlier does not.
 */
export function batchComments(comments: readonly CommentForBatch[], currentWeek: string, minimum = MIN_BATCH): BatchedComments {
  const byWeek = new Map<string, CommentForBatch[]>();
  for (const item of comments) if (item.week < currentWeek) byWeek.set(item.week, [...(byWeek.get(item.week) ?? []), item]);
  const batches: CommentBatch[] = [];
  let pending: CommentForBatch[] = [];
  let fromWeek = "";
  for (const week of [...byWeek.keys()].sort()) {
    if (pending.length === 0) fromWeek = week;
    pending = [...pending, ...byWeek.get(week)!].filter((item) => !item.removedWeek || item.removedWeek > week);
    if (pending.length >= minimum) {
      // Alphabetical order hides the order of arrival.
      const shown = pending.filter((item) => !item.removedWeek).map((item) => item.comment);
      batches.push({ fromWeek, toWeek: week, comments: shown.sort((a, b) => a.localeCompare(b)) });
      pending = [];
    }
  }
  const released = batches.reduce((total, batch) => total + batch.comments.length, 0);
  return { batches, waiting: comments.filter((item) => !item.removedWeek).length - released };
}

/** Monday of the week holding `day` ("YYYY-MM-DD"), the ISO week's first day. */
export function weekOf(day: string): string {
  return addCalendarDays(day, -((dayOfWeek(day) + 6) % 7));
}
