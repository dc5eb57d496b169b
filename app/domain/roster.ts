// Duty rosters: a counter's weekly pattern (officer, weekdays, local from–to time, valid from/to) and single-day
// exceptions (an officer away, another on duty instead or in addition). Pure: the concrete shifts are computed
// here from those and the agency's time zone; the data layer stores them so "who is on duty now" is one lookup.

import { addCalendarDays, calendarDaysBetween, dayOfWeek, isIsoDate, startOfLocalDay, type IsoDate } from "./working-days";

/** "HH:MM", 00:00–24:00 (24:00 only as an end). */
export type LocalTime = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Longest span of one pattern: a roster is set per period, not forever. */
export const MAX_PATTERN_DAYS = 3 * 366;

export interface WeeklyPattern<K = number> {
  id?: number;
  officer: K;
  weekdays: readonly number[];
  starts: LocalTime;
  ends: LocalTime;
  validFrom: IsoDate;
  validTo: IsoDate;
}

export interface DayException<K = number> {
  id?: number;
  date: IsoDate;
  /** This officer is away from the counter all that day (leave, sick, duty elsewhere). */
  absent: K | null;
  /** This officer is on duty at the counter that day, from–to (a swap or an extra shift). */
  replacement: { officer: K; starts: LocalTime; ends: LocalTime } | null;
}

export interface Shift<K = number> {
  officer: K;
  startsAt: Date;
  endsAt: Date;
  patternId: number | null;
  exceptionId: number | null;
}

export const WEEKDAY_NAMES_ID: Readonly<Record<IsoWeekday, string>> = {
  1: "senin",
  2: "selasa",
  3: "rabu",
  4: "kamis",
  5: "jumat",
  6: "sabtu",
  7: "minggu",
};

const WEEKDAY_BY_NAME: ReadonlyMap<string, IsoWeekday> = new Map<string, IsoWeekday>([
  ...Object.entries(WEEKDAY_NAMES_ID).map(([day, name]) => [name, Number(day) as IsoWeekday] as const),
  ["jum'at", 5],
  ["jum’at", 5],
  ["ahad", 7],
]);

/**
 * Weekdays as people type them: "Senin;Rabu", "senin, selasa", "Senin-Jumat" or "Senin s.d. Jumat".
 * Null when a name is not an Indonesian weekday.
 */
export function parseWeekdays(text: string): IsoWeekday[] | null {
  const days = new Set<IsoWeekday>();
  const parts = text
    .toLowerCase()
    .split(/[;,/]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  for (const part of parts) {
    const range = /^(\S+)\s*(?:-|–|s\.?\s?d\.?|sampai)\s*(\S+)$/.exec(part);
    if (range) {
      const from = WEEKDAY_BY_NAME.get(range[1]!);
      const to = WEEKDAY_BY_NAME.get(range[2]!);
      if (!from || !to || to < from) return null;
      for (let day = from; day <= to; day++) days.add(day as IsoWeekday);
      continue;
    }
    const day = WEEKDAY_BY_NAME.get(part);
    if (!day) return null;
    days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

/** "8:00", "08.00", "08:00:00" → "08:00"; null when not a time of day. `allowEndOfDay` accepts "24:00". */
export function parseLocalTime(text: string, allowEndOfDay = false): LocalTime | null {
  const match = /^(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return null;
  if (hours > 23 && !(allowEndOfDay && hours === 24 && minutes === 0)) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

export function minutesOf(time: LocalTime): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The instant a local time of day falls on, in `zone` (Indonesian zones keep no daylight saving). */
export function localInstant(date: IsoDate, time: LocalTime, zone: string): Date {
  return new Date(startOfLocalDay(date, zone).getTime() + minutesOf(time) * 60_000);
}

export function isoWeekdayOf(date: IsoDate): IsoWeekday {
  const day = dayOfWeek(date);
  return (day === 0 ? 7 : day) as IsoWeekday;
}

/** Whether two patterns put the same person on duty at the same moment somewhere (any counter). */
export function patternsOverlap<K>(a: WeeklyPattern<K>, b: WeeklyPattern<K>): boolean {
  if (a.validTo < b.validFrom || b.validTo < a.validFrom) return false;
  if (!a.weekdays.some((day) => b.weekdays.includes(day))) return false;
  if (minutesOf(a.ends) <= minutesOf(b.starts) || minutesOf(b.ends) <= minutesOf(a.starts)) return false;
  // Shared weekdays must actually occur inside the shared dates (a two-day overlap may miss them).
  const from = a.validFrom > b.validFrom ? a.validFrom : b.validFrom;
  const to = a.validTo < b.validTo ? a.validTo : b.validTo;
  const span = calendarDaysBetween(from, to);
  for (let offset = 0; offset <= Math.min(span, 6); offset++) {
    const day = isoWeekdayOf(addCalendarDays(from, offset));
    if (a.weekdays.includes(day) && b.weekdays.includes(day)) return true;
  }
  return false;
}

export type PatternProblem = "endsBeforeStarts" | "validToBeforeFrom" | "tooLong" | "badDate";

/** What is wrong with one pattern on its own, or null. */
export function patternProblem(pattern: WeeklyPattern<unknown>): PatternProblem | null {
  if (!isIsoDate(pattern.validFrom) || !isIsoDate(pattern.validTo)) return "badDate";
  if (minutesOf(pattern.ends) <= minutesOf(pattern.starts)) return "endsBeforeStarts";
  if (pattern.validTo < pattern.validFrom) return "validToBeforeFrom";
  if (calendarDaysBetween(pattern.validFrom, pattern.validTo) > MAX_PATTERN_DAYS) return "tooLong";
  return null;
}

/**
 * Every concrete shift of a counter's patterns and exceptions, in `zone`: each pattern on each of its weekdays
 * between its dates, except on a day its officer is marked away, plus each exception's replacement shift.
 */
export function expandShifts<K>(patterns: readonly WeeklyPattern<K>[], exceptions: readonly DayException<K>[], zone: string): Shift<K>[] {
  const absences = new Set(exceptions.filter((exception) => exception.absent !== null).map((exception) => `${exception.date}|${String(exception.absent)}`));
  const shifts: Shift<K>[] = [];
  for (const pattern of patterns) {
    const days = calendarDaysBetween(pattern.validFrom, pattern.validTo);
    for (let offset = 0; offset <= days; offset++) {
      const date = addCalendarDays(pattern.validFrom, offset);
      if (!pattern.weekdays.includes(isoWeekdayOf(date))) continue;
      if (absences.has(`${date}|${String(pattern.officer)}`)) continue;
      shifts.push({
        officer: pattern.officer,
        startsAt: localInstant(date, pattern.starts, zone),
        endsAt: localInstant(date, pattern.ends, zone),
        patternId: pattern.id ?? null,
        exceptionId: null,
      });
    }
  }
  for (const exception of exceptions) {
    if (!exception.replacement) continue;
    shifts.push({
      officer: exception.replacement.officer,
      startsAt: localInstant(exception.date, exception.replacement.starts, zone),
      endsAt: localInstant(exception.date, exception.replacement.ends, zone),
      patternId: null,
      exceptionId: exception.id ?? null,
    });
  }
  return shifts.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** "Senin–Jumat" or "Senin, Rabu, Sabtu" from ISO weekdays, for tables. */
export function describeWeekdays(weekdays: readonly number[], names: Readonly<Record<number, string>>): string {
  const sorted = [...new Set(weekdays)].sort((a, b) => a - b);
  const consecutive = sorted.length >= 3 && sorted.every((day, index) => index === 0 || day === sorted[index - 1]! + 1);
  if (consecutive) return `${names[sorted[0]!]}–${names[sorted[sorted.length - 1]!]}`;
  return sorted.map((day) => names[day]).join(", ");
}

export type NewPatternProblem = PatternProblem | "overlap";

/** What is wrong with a pattern a supervisor adds, given the officer's other patterns (at any counter). */
export function newPatternProblem<K>(pattern: WeeklyPattern<K>, others: readonly (WeeklyPattern<K> & { counterName?: string })[]): { reason: NewPatternProblem; counterName?: string } | null {
  const own = patternProblem(pattern);
  if (own) return { reason: own };
  const clash = others.find((other) => patternsOverlap(pattern, other));
  return clash ? { reason: "overlap", counterName: clash.counterName } : null;
}
