import type { Locale } from "./config";
import { createTranslator, type TFunction } from "./react";

export { createTranslator };

/** A translator for server-side output (PDF, SVG, e-mail, exports): the same i18next set-up the pages use. */
export function createI18n(locale: Locale, texts: Record<string, unknown>): { t: TFunction; language: Locale } {
  return { t: createTranslator(locale, texts), language: locale };
}
