import type { IsoDate } from "./working-days";
import { addCalendarDays } from "./working-days";

// When the performance record accepts a step: achievements logged within a back-dating window, and the
// assessment finalised no earlier than the period's last day (PermenPANRB 6/2022 assesses a period that has
// run; a period ending on 31 December may open a configured number of days earlier for the year-end).

/** The agency's default: an achievement may be logged up to 7 days after the day it happened. */
export const DEFAULT_BACKDATE_DAYS = 7;

export type AchievementDayCheck = { ok: true } | { ok: false; reason: "futureDate" | "tooOld"; earliest?: IsoDate };

/** Whether an achievement of `achievedOn` may be logged `today` (both local days). */
export function checkAchievementDay(achievedOn: IsoDate, today: IsoDate, backdateDays: number): AchievementDayCheck {
  if (achievedOn > today) return { ok: false, reason: "futureDate" };
  const earliest = addCalendarDays(today, -backdateDays);
  if (achievedOn < earliest) return { ok: false, reason: "tooOld", earliest };
  return { ok: true };
}

/** The first local day on which the assessment of a period may be finalised. */
export function finaliseOpensOn(periodEnd: IsoDate, yearEndGraceDays: number): IsoDate {
  return periodEnd.endsWith("-12-31") ? addCalendarDays(periodEnd, -yearEndGraceDays) : periodEnd;
}

export type FinaliseTiming = { ok: true } | { ok: false; reason: "periodNotOver"; opensOn: IsoDate };

export function checkFinaliseDay(periodEnd: IsoDate, today: IsoDate, yearEndGraceDays: number): FinaliseTiming {
  const opensOn = finaliseOpensOn(periodEnd, yearEndGraceDays);
  return today >= opensOn ? { ok: true } : { ok: false, reason: "periodNotOver", opensOn };
}
