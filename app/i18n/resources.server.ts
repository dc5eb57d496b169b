import type { Locale } from "./config";

// Each feature keeps its texts in its own file (public/locales/{id,en}/<feature>.json, one top-level key per
// file); they are merged here. Only the reader's language travels to the browser, in the root loader's data.
const files = import.meta.glob<Record<string, unknown>>("../../public/locales/*/*.json", { eager: true, import: "default" });

function gather(locale: Locale): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [path, texts] of Object.entries(files)) {
    if (path.includes(`/locales/${locale}/`)) Object.assign(merged, texts);
  }
  return merged;
}

export const RESOURCES: Record<Locale, Record<string, unknown>> = { id: gather("id"), en: gather("en") };
