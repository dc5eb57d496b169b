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
