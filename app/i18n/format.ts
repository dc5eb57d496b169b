import { INTL_TAG, type Locale } from "./config";

export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(INTL_TAG[locale], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatPercent(locale: Locale, share: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(INTL_TAG[locale], {
    style: "percent",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share);
}

export function formatRupiah(locale: Locale, amount: number): string {
  return new Intl.NumberFormat(INTL_TAG[locale], {
    style: "currency",
    currency: "IDR",
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatDate(locale: Locale, value: Date | string, timeZone = "Asia/Jakarta"): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: "long", timeZone }).format(new Date(value));
}

export function formatDateTime(locale: Locale, value: Date | string, timeZone = "Asia/Jakarta"): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(value));
}

// Calendar days travel as "YYYY-MM-DD" and months as "YYYY-MM" (a DATE column, a period's bounds): they are
// formatted at noon UTC so no time zone can move them to the day before. Indonesian: "31 Okt 2026",
// "Jan 2026", "1 Jul – 30 Sep 2026".
function calendarDay(value: Date | string): Date {
  if (typeof value !== "string") return value;
  if (/^\d{4}-\d{2}$/.test(value)) return new Date(`${value}-01T12:00:00Z`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00Z`);
  return new Date(value);
}

function dayZone(value: Date | string, timeZone: string): string {
  return typeof value === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(value) ? "UTC" : timeZone;
}

/** A day, short: "31 Okt 2026". A Date is read in the given zone; a "YYYY-MM-DD" string is that day. */
export function formatDay(locale: Locale, value: Date | string, timeZone = "Asia/Jakarta"): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { day: "numeric", month: "short", year: "numeric", timeZone: dayZone(value, timeZone) }).format(calendarDay(value));
}

/** A month: "Jan 2026" (from "2026-01", "2026-01-01" or a Date). */
export function formatMonth(locale: Locale, value: Date | string, timeZone = "Asia/Jakarta"): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { month: "short", year: "numeric", timeZone: dayZone(value, timeZone) }).format(calendarDay(value));
}

/** Two days as one range, sharing what they share: "1 Jul – 30 Sep 2026", "1 Des 2025 – 30 Jan 2026". */
export function formatDayRange(locale: Locale, from: Date | string, to: Date | string, timeZone = "Asia/Jakarta"): string {
  const format = new Intl.DateTimeFormat(INTL_TAG[locale], { day: "numeric", month: "short", year: "numeric", timeZone: dayZone(from, timeZone) });
  return format.formatRange(calendarDay(from), calendarDay(to)).replace(/[\u2009\u202f]/g, " ");
}
