import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_LOCALE, INTL_TAG, type Locale } from "./config";

/**
 * Translations for React in about one kilobyte: the i18next JSON format ("{{name}}" interpolation, "_one" /
 * "_other" plural suffixes chosen by Intl.PluralRules) and react-i18next's `useTranslation().t` call shape,
 * without shipping i18next to citizens' phones (see docs/decisions/0004-small-translation-runtime.md).
 */
export type TFunction = (key: string, options?: Record<string, unknown>) => string;

export function createTranslator(locale: Locale, texts: Record<string, unknown>): TFunction {
  const plurals = new Intl.PluralRules(INTL_TAG[locale]);
  const lookup = (key: string): string | undefined => {
    let node: unknown = texts;
    for (const part of key.split(".")) {
      if (typeof node !== "object" || node === null) return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === "string" ? node : undefined;
  };
  return (key, options) => {
    let text: string | undefined;
    const count = options?.count;
    if (typeof count === "number") text = lookup(`${key}_${plurals.select(count)}`) ?? lookup(`${key}_other`);
    text ??= lookup(key);
    if (text === undefined) return key;
    return options ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in options ? String(options[name]) : whole)) : text;
  };
}

const TranslatorContext = createContext<TFunction>((key) => key);
const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** Given once by the root layout: the reader's translator and locale, for every component below it. */
export function TranslationProvider({ t, locale, children }: { t: TFunction; locale: Locale; children: ReactNode }) {
  return (
    <LocaleContext.Provider value={locale}>
      <TranslatorContext.Provider value={t}>{children}</TranslatorContext.Provider>
    </LocaleContext.Provider>
  );
}

export function useTranslation(): { t: TFunction } {
  return { t: useContext(TranslatorContext) };
}

/** The reader's locale (for numbers and dates through ~/i18n/format). */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}
