import { exactShare, sumDecimals } from "./skp-assessment";
import { rationalToNumber } from "./indicators/ikm";
import { addCalendarDays, dayOfWeek, type IsoDate } from "./working-days";

// The week of daily achievement reports (PermenPANRB 6/2022: documenting performance during the period): an ISO
// week runs Monday to Sunday; a weekly summary is assembled from the daily entries, never typed separately, so it
// cannot disagree with them. The supervisor's team view reads the same summary for each direct report.

export interface DailyEntry {
  achievedOn: IsoDate;
  resultId: number | null;
  quantity: number | null;
}

/** Monday of the ISO week holding `day`. */
export function weekStartOf(day: IsoDate): IsoDate {
  return addCalendarDays(day, -((dayOfWeek(day) + 6) % 7));
}

/** The seven days of the week starting `weekStart`, Monday first. */
export function daysOfWeek(weekStart: IsoDate): IsoDate[] {
  return Array.from({ length: 7 }, (_, index) => addCalendarDays(weekStart, index));
}

export interface WeeklySummary {
  weekStart: IsoDate;
  weekEnd: IsoDate;
  entries: number;
  /** Days of the week with at least one entry. */
  daysLogged: number;
  perDay: { day: IsoDate; entries: number }[];
  /** Quantities logged this week per work result, summed exactly (entries without a result or quantity add none). */
  perResult: { resultId: number; quantity: number; entries: number }[];
}

/** The week's summary from its daily entries (entries of other weeks are ignored). */
export function summariseWeek(entries: readonly DailyEntry[], weekStart: IsoDate): WeeklySummary {
  const days = daysOfWeek(weekStart);
  const weekEnd = days[6]!;
  const inWeek = entries.filter((entry) => entry.achievedOn >= weekStart && entry.achievedOn <= weekEnd);
  const perDay = days.map((day) => ({ day, entries: inWeek.filter((entry) => entry.achievedOn === day).length }));
  const byResult = new Map<number, { quantities: number[]; entries: number }>();
  for (const entry of inWeek) {
    if (entry.resultId === null) continue;
    const row = byResult.get(entry.resultId) ?? { quantities: [], entries: 0 };
    row.entries += 1;
    if (entry.quantity !== null) row.quantities.push(entry.quantity);
    byResult.set(entry.resultId, row);
  }
  return {
    weekStart,
    weekEnd,
    entries: inWeek.length,
    daysLogged: perDay.filter((day) => day.entries > 0).length,
    perDay,
    perResult: [...byResult.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([resultId, row]) => ({ resultId, quantity: sumDecimals(row.quantities), entries: row.entries })),
  };
}

/**
 * One summary per week from the first entry's week (or only the latest week, before any entry) to the week of
 * `today` or of the period's end, newest first: weeks without entries in between are kept, so a gap shows. The
 * first and last weeks may reach outside the period; their entries are the period's only.
 */
export function weeklySummaries(
  entries: readonly DailyEntry[],
  period: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): WeeklySummary[] {
  const last = today < period.end ? today : period.end;
  if (last < period.start) return [];
  const days = entries.map((entry) => entry.achievedOn).filter((day) => day >= period.start && day <= period.end);
  const firstDay = days.length === 0 ? last : days.reduce((a, b) => (a < b ? a : b));
  const lastWeek = weekStartOf(last > firstDay ? last : firstDay);
  const summaries: WeeklySummary[] = [];
  for (let week = weekStartOf(firstDay); week <= lastWeek; week = addCalendarDays(week, 7))
    summaries.push(summariseWeek(entries, week));
  return summaries.reverse();
}

export interface ResultTarget {
  id: number;
  target: number;
  /** A result filled by a portal indicator has no logged quantities. */
  portal: boolean;
}

export interface ResultToDate {
  resultId: number;
  /** Exact sum of the quantities logged up to and including `through`. */
  realised: number;
  /** realised / target, exact then shown as a number; null for a portal result or a zero target. */
  share: number | null;
}

/** How far each logged result has moved toward its target by `through`. */
export function resultsToDate(results: readonly ResultTarget[], entries: readonly DailyEntry[], through: IsoDate): ResultToDate[] {
  return results
    .filter((result) => !result.portal)
    .map((result) => {
      const quantities = entries
        .filter((entry) => entry.resultId === result.id && entry.achievedOn <= through && entry.quantity !== null)
        .map((entry) => entry.quantity!);
      const realised = sumDecimals(quantities);
      const share = exactShare({ target: result.target, realisation: realised });
      return { resultId: result.id, realised, share: share === null ? null : rationalToNumber(share) };
    });
}

export type ReportWeekState =
  /** No approved plan covers the week: nothing to log against. */
  | "noPlan"
  /** An approved plan, and nothing logged in the week so far. */
  | "nothingLogged"
  | "logged";

export function reportWeekState(hasApprovedPlan: boolean, summary: Pick<WeeklySummary, "entries">): ReportWeekState {
  if (!hasApprovedPlan) return "noPlan";
  return summary.entries === 0 ? "nothingLogged" : "logged";
}

/** The week a `?minggu=` parameter asks for: any day of it; otherwise the week holding `today`. */
export function requestedWeek(parameter: string | null, today: IsoDate, isDay: (text: string) => boolean): IsoDate {
  return parameter !== null && isDay(parameter) ? weekStartOf(parameter) : weekStartOf(today);
}
