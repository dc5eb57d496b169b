// Which period a public results page shows: by default the last complete quarter (a period whose figures no
// longer move); a reader may pick an earlier quarter or year, or ask for any period code the API reads. A period
// that has not begun is refused; one still running is shown and said to be running.

import { periodContaining, previousPeriod, type Period } from "./period";
import { parsePeriodCode, periodCode } from "./publication";

/** Complete quarters and complete years the public picker offers, most recent first. */
export const PICKER_QUARTERS = 8;
export const PICKER_YEARS = 3;

export type PublicPeriod =
  | { ok: true; period: Period; code: string; chosen: boolean; running: boolean }
  | { ok: false; reason: "malformed" | "outOfRange" | "future"; fallback: PublicPeriod & { ok: true } };

/** The last quarter that has ended before `today` ("YYYY-MM-DD", the agency's local day). */
export function lastCompleteQuarterOf(today: string): Period {
  return previousPeriod(periodContaining("quarter", today));
}

/**
 * The period a page shows for what the reader asked (`input`, a code such as "2026-Q2", "2025" or "2026-09";
 * empty or missing for the default). A refused code carries the default to show beside the error.
 */
export function publicPeriodOf(input: string | null | undefined, today: string): PublicPeriod {
  const last = lastCompleteQuarterOf(today);
  const fallback = { ok: true as const, period: last, code: periodCode(last)!, chosen: false, running: false };
  if (input === null || input === undefined || input.trim() === "") return fallback;
  const parsed = parsePeriodCode(input);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, fallback };
  if (parsed.period.from > today) return { ok: false, reason: "future", fallback };
  return { ok: true, period: parsed.period, code: parsed.code, chosen: true, running: parsed.period.to >= today };
}

/**
 * What the picker lists: the last complete quarters, then the last complete years, most recent first; a period
 * asked for by its code that is not among them comes first, so the list always holds the one shown.
 */
export function publicPeriodOptions(today: string, shown?: Period): { code: string; period: Period }[] {
  const options: Period[] = [];
  let quarter = lastCompleteQuarterOf(today);
  for (let i = 0; i < PICKER_QUARTERS; i++) {
    options.push(quarter);
    quarter = previousPeriod(quarter);
  }
  let year = previousPeriod(periodContaining("year", today));
  for (let i = 0; i < PICKER_YEARS; i++) {
    options.push(year);
    year = previousPeriod(year);
  }
  const listed = options.map((period) => ({ code: periodCode(period)!, period }));
  const shownCode = shown ? periodCode(shown) : null;
  if (shown && shownCode && !listed.some((option) => option.code === shownCode))
    listed.unshift({ code: shownCode, period: shown });
  return listed;
}
