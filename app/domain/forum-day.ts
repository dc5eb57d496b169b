import { INTL_TAG, type Locale } from "~/i18n/config";

// A forum's day is a calendar day ("YYYY-MM-DD") with no time zone of its own; the berita acara names the weekday
// ("hari, tanggal", DOMAIN.md §4).

/** "Senin, 23 November 2026" for a calendar day. */
export function formatForumDay(locale: Locale, day: string): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** "23 Nov 2026" for a calendar day, for tables. */
export function formatShortDay(locale: Locale, day: string): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * A forum's start time as people write it ("09.00", the way the portal prints it in Indonesian, "9:00", "pukul
 * 09.00 WIB") → "HH:MM", or null when it is not a time of day.
 */
export function parseStartTime(text: string): string | null {
  const match = /^\s*(?:pukul\s+|jam\s+)?(\d{1,2})[.:](\d{2})(?:\s*(?:wib|wita|wit))?\s*$/i.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** A stored start time ("09:00") as the locale writes it: "09.00" in Indonesian, "09:00" in English. */
export function formatStartTime(locale: Locale, time: string): string {
  return locale === "id" ? time.replace(":", ".") : time;
}
