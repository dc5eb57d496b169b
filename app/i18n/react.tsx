import { createInstance, type i18n as I18n } from "i18next";
import type { ReactNode } from "react";
import { I18nextProvider, initReactI18next, useTranslation as useReactI18next } from "react-i18next";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";

/**
 * The one place that sets up i18next and react-i18next. Pages call `const { t } = useTranslation()` as in
 * react-i18next; every render gets an i18next instance made from the texts the root loader sent (see
 * docs/decisions/0001-translations-in-root-loader.md), so there is no extra request and no untranslated flash.
 */
export type TFunction = (key: string, options?: Record<string, unknown>) => string;

// The same texts (and the same base texts underneath) always yield the same instance, so a server serving many
// requests builds each page's instance once, and the browser does not rebuild it on every render. The base is part
// of the key: a translator made without the shell's texts (a loader's page title) must not be reused by the shell,
// which would then render raw keys on the server and fail to hydrate.
const NO_BASE: Record<string, unknown> = {};
const instances = new WeakMap<Record<string, unknown>, WeakMap<Record<string, unknown>, Map<Locale, I18n>>>();

/**
 * An initialised i18next instance for one language and its texts (synchronous: the texts are in memory), with
 * `base` texts underneath (the shell's and error pages' own); cached per texts and base object.
 */
export function i18nFor(locale: Locale, texts: Record<string, unknown>, base: Record<string, unknown> = NO_BASE): I18n {
  let byBase = instances.get(texts);
  if (!byBase) instances.set(texts, (byBase = new WeakMap()));
  let byLocale = byBase.get(base);
  if (!byLocale) byBase.set(base, (byLocale = new Map()));
  let instance = byLocale.get(locale);
  if (!instance) {
    instance = createInstance();
    void instance.use(initReactI18next).init({
      lng: locale,
      fallbackLng: false,
      resources: { [locale]: { translation: { ...base, ...texts } } },
      initImmediate: false,
      // React escapes what it renders; keys are plain dotted paths (no "namespace:" prefix).
      interpolation: { escapeValue: false },
      nsSeparator: false,
      returnNull: false,
      react: { useSuspense: false },
    });
    byLocale.set(locale, instance);
  }
  return instance;
}

/** The translate function of an instance, typed for plain string keys (PDF, SVG, mail and exports use it). */
export function translatorOf(instance: I18n): TFunction {
  const t = instance.getFixedT(instance.language);
  return (key, options) => String(t(key, options));
}

/** A translate function for one language and its texts (server-side output, tests). */
export function createTranslator(locale: Locale, texts: Record<string, unknown>): TFunction {
  return translatorOf(i18nFor(locale, texts));
}

export function TranslationProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

/** react-i18next's hook, with `t` typed for the portal's string keys. */
export function useTranslation(): { t: TFunction; i18n: I18n } {
  const { t, i18n } = useReactI18next();
  return { t: (key, options) => String(t(key, options)), i18n };
}

/** The reader's locale (for numbers and dates through ~/i18n/format). */
export function useLocale(): Locale {
  const { i18n } = useReactI18next();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}
