// Reporting periods as inclusive ranges of local calendar days ("YYYY-MM-DD"); day arithmetic is working-days.ts's.
import { addCalendarDays, calendarDaysBetween } from "../working-days";

export type PeriodKind = "month" | "quarter" | "year" | "custom";

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

const pad = (value: number) => String(value).padStart(2, "0");

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month, quarter or year that contains `day`. */
export function periodContaining(kind: Exclude<PeriodKind, "custom">, day: string): Period {
  const [year, month] = day.split("-").map(Number) as [number, number];
  if (kind === "year") return { kind, from: `${year}-01-01`, to: `${year}-12-31` };
  if (kind === "month") return { kind, from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}` };
  const firstMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return { kind, from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}` };
}

/** The period of the same kind just before this one (for a custom range: the same number of days before it). */
export function previousPeriod(period: Period): Period {
  if (period.kind === "custom") {
    const days = calendarDaysBetween(period.from, period.to) + 1;
    const to = addCalendarDays(period.from, -1);
    return { kind: "custom", from: addCalendarDays(to, -(days - 1)), to };
  }
  return periodContaining(period.kind, addCalendarDays(period.from, -1));
}

/** The twelve months ending with the month of `day`, as "YYYY-MM" bounds. */
export function twelveMonthsEnding(day: string): { from: string; to: string } {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 12, 1));
  return { from: `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}`, to: `${year}-${pad(month)}` };
}
