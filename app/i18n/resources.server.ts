import type { Locale } from "./config";

// Each feature keeps its texts in its own file (public/locales/{id,en}/<feature>.json, one top-level key per
// file); they are merged here. Only the reader's language travels to the browser, in the root loader's data.
const files = import.meta.glob<Record<string, unknown>>("../../public/locales/*/*.json", { eager: true, import: "default" });

function gather(locale: Locale, only: string[] | null): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [path, texts] of Object.entries(files)) {
    const match = /\/locales\/([a-z]+)\/([a-z-]+)\.json$/.exec(path);
    if (!match || match[1] !== locale) continue;
    if (only && !only.includes(match[2]!)) continue;
    Object.assign(merged, texts);
  }
  return merged;
}

export const RESOURCES: Record<Locale, Record<string, unknown>> = { id: gather("id", null), en: gather("en", null) };

const cache = new Map<string, Record<string, unknown>>();
/** The texts of the given files (null: all), in one language. */
export function textsFor(locale: Locale, only: string[] | null): Record<string, unknown> {
  if (!only) return RESOURCES[locale];
  const key = `${locale}:${only.join(",")}`;
  let texts = cache.get(key);
  if (!texts) cache.set(key, (texts = gather(locale, only)));
  return texts;
}
