import { addCalendarDays, type IsoDate } from "../working-days";
import { weekOf } from "../indicators/comment-batches";

// Contesting ratings that carry no comment (most of them): the officer cannot point at one rating without
// learning when a citizen rated, so they contest a DAY at a COUNTER ("I did not serve at Loket 2 that day"), which
// covers every rating attributed to them there that day. Only days of weeks that have ended, like the comment
// batches (a day still in progress would let the officer watch ratings arrive), and no further back than
// CONTEST_WINDOW_WEEKS. Reasons are the attribution ones; an abusive text is contested as a comment.

export const CONTEST_WINDOW_WEEKS = 8;
export const DAY_CONTEST_REASONS = ["colleague", "never_happened"] as const;
export type DayContestReason = (typeof DAY_CONTEST_REASONS)[number];

/** The days that may be contested `today`: from `from` up to and including `through` (the last ended week's Sunday). */
export function contestableDayRange(today: IsoDate): { from: IsoDate; through: IsoDate } {
  const currentWeek = weekOf(today);
  return { from: addCalendarDays(currentWeek, -7 * CONTEST_WINDOW_WEEKS), through: addCalendarDays(currentWeek, -1) };
}

export function isContestableDay(day: IsoDate, today: IsoDate): boolean {
  const range = contestableDayRange(today);
  return day >= range.from && day <= range.through;
}
