import type { MetaFunction } from "@remix-run/node";
import { createTranslator } from "~/i18n/react";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";

type Matches = Parameters<MetaFunction>[0]["matches"];

/**
 * A page's title in the reader's language, from the texts the root loader sent: `meta: ({ matches }) =>
 * [{ title: pageTitle(matches, "complaints.staff.queueTitle") }]`. An optional subject (a unit's name, a
 * code) goes first: "Pengaduan K7Q-M4X-2HP · Suara".
 */
export function pageTitle(matches: Matches, key: string, subject?: string | null): string {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown; translation?: Record<string, unknown> } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  const t = createTranslator(locale, root?.translation ?? {});
  const name = t(key);
  return [subject, name === key ? null : name, "Suara"].filter(Boolean).join(" · ");
}
