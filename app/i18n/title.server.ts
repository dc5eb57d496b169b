import { createTranslator } from "./i18n";
import { localeOf } from "./locale.server";
import { RESOURCES } from "./resources.server";

/** A page's title in the reader's language, "<page> · Suara", for the route's meta. */
export async function pageTitle(request: Request, key: string, values?: Record<string, unknown>): Promise<string> {
  const locale = await localeOf(request);
  return `${createTranslator(locale, RESOURCES[locale])(key, values)} · Suara`;
}
