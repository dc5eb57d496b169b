// Working-day clocks for service-level deadlines (complaint handling, SP4N-LAPOR!).
//
// Pure: no clock reads, no database. Calendar days are days in an IANA time zone (Indonesia has three,
// WIB/WITA/WIT, none with daylight saving); holidays are data kept by an administrator per year
// (libur nasional and cuti bersama from the yearly SKB 3 Menteri), passed in as a HolidayCalendar.
//
// The counting rule, used by every function here:
//   - the day on which the clock starts (e.g. the day of submission) never counts, whatever its kind;
//   - "n working days after" ends at 23:59:59.999 local time on the n-th working day that follows it;
//   - a working day is Monday–Friday and not in the calendar.
// So a complaint submitted on Friday evening WIB has Monday as day 1; one submitted on a holiday has the
// next working day as day 1.

/** A calendar day, "YYYY-MM-DD". */
export type IsoDate = string;

export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface HolidayCalendar {
  /** Non-working weekdays (and weekend days, harmlessly): national holidays and collective leave. */
  readonly holidays: ReadonlySet<IsoDate>;
}

/** Builds a calendar from ISO dates; throws on a malformed date, since holiday data is validated on entry. */
export function createHolidayCalendar(dates: Iterable<IsoDate>): HolidayCalendar {
  const holidays = new Set<IsoDate>();
  for (const date of dates) {
    if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
    holidays.add(date);
  }
  return { holidays };
}

export const NO_HOLIDAYS: HolidayCalendar = { holidays: new Set() };

/** True for a real calendar date written "YYYY-MM-DD" (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isoDateToUtcMs(date: IsoDate): number {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match || !isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function utcMsToIsoDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar day `days` days after (or before, if negative) `date`. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return utcMsToIsoDate(isoDateToUtcMs(date) + days * MS_PER_DAY);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((isoDateToUtcMs(to) - isoDateToUtcMs(from)) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(isoDateToUtcMs(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  return !isWeekend(date) && !calendar.holidays.has(date);
}

// Intl formatters are costly to build; one per zone is enough.
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    wallClockFormatters.set(zone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(instantMs: number, zone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of wallClockFormatter(zone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? NaN,
    month: fields.month ?? NaN,
    day: fields.day ?? NaN,
    hour: fields.hour ?? NaN,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
  };
}

/** The calendar day an instant falls on in `zone` (Friday 19:00 WIB is Friday, though 12:00 UTC). */
export function localDateOf(instant: Date, zone: string = DEFAULT_TIME_ZONE): IsoDate {
  const { year, month, day } = wallClockOf(instant.getTime(), zone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Offset of `zone` from UTC at an instant, in milliseconds (WIB: +7 h). */
function zoneOffsetMs(instantMs: number, zone: string): number {
  const wall = wallClockOf(instantMs, zone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant 23:59:59.999 local time on `date` in `zone`. */
export function endOfLocalDay(date: IsoDate, zone: string = DEFAULT_TIME_ZONE): Date {
  const wallClockMs = isoDateToUtcMs(date) + MS_PER_DAY - 1;
  // Two passes settle the offset for zones with daylight saving; Indonesian zones need one.
  const firstGuess = wallClockMs - zoneOffsetMs(wallClockMs, zone);
  return new Date(wallClockMs - zoneOffsetMs(firstGuess, zone));
}

/** The instant 00:00 local time on `date` in `zone`: the first moment of that day. */
export function startOfLocalDay(date: IsoDate, zone: string = DEFAULT_TIME_ZONE): Date {
  const dayBefore = new Date(isoDateToUtcMs(date) - MS_PER_DAY).toISOString().slice(0, 10);
  return new Date(endOfLocalDay(dayBefore, zone).getTime() + 1);
}

/**
 * The deadline `workingDays` working days after `start`: the end (23:59:59.999 local) of the n-th working
 * day following the local day of `start`. The start day itself never counts. `0` gives the end of the
 * start day.
 */
export function addWorkingDays(
  start: Date,
  workingDays: number,
  calendar: HolidayCalendar,
  zone: string = DEFAULT_TIME_ZONE,
): Date {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`workingDays must be a whole number ≥ 0, got ${workingDays}`);
  }
  let day = localDateOf(start, zone);
  let counted = 0;
  while (counted < workingDays) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return endOfLocalDay(day, zone);
}

/**
 * Working days elapsed from `from` to `to`: those after the local day of `from`, up to and including the
 * local day of `to`. It is the "day k of n" of an SLA clock, and the inverse of addWorkingDays:
 * workingDaysBetween(s, addWorkingDays(s, n)) === n. Zero when `to` is not on a later day.
 */
export function workingDaysBetween(
  from: Date,
  to: Date,
  calendar: HolidayCalendar,
  zone: string = DEFAULT_TIME_ZONE,
): number {
  const lastDay = localDateOf(to, zone);
  let day = localDateOf(from, zone);
  let counted = 0;
  while (day < lastDay) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return counted;
}

export type DueStatus = "ok" | "due_today" | "late";

/** "late" once `now` is past `due`; "due_today" on the local day of `due` before that; else "ok". */
export function dueStatus(due: Date, now: Date, zone: string = DEFAULT_TIME_ZONE): DueStatus {
  if (now.getTime() > due.getTime()) return "late";
  return localDateOf(now, zone) === localDateOf(due, zone) ? "due_today" : "ok";
}
