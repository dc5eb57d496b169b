import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { TranslationProvider, i18nFor, useTranslation } from "~/i18n/react";
import { loadSessionUser } from "~/auth/session.server";
import { rolesOf } from "~/domain/access/grants";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/config";
import { localeOf } from "~/i18n/locale.server";
import { textsFor } from "~/i18n/resources.server";
import { sameTranslationFiles, translationFilesFor } from "~/i18n/namespaces";
import fallbackTexts from "../public/locales/fallback.json";
import stylesheet from "~/styles/app.css?url";
import { PUBLIC_NAV } from "~/ui/public-nav";
import { useNonce } from "~/ui/nonce";
import { useInlineStyle } from "~/ui/inline-style";
import { pageHandleOf } from "~/ui/page-handle";
import enhanceScript from "~/enhance/citizen.ts?worker&url";

// Routes give their own titles; this one covers the error pages.
export const meta: MetaFunction = () => [{ title: "Suara" }];

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const user = await loadSessionUser(request);
  return {
    locale,
    translation: textsFor(locale, translationFilesFor(new URL(request.url).pathname)),
    user: user ? { displayName: user.displayName, roles: rolesOf(user.grants) } : null,
  };
}

// Moving to a page that needs other texts reloads them; otherwise the root data stays as it is.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || !sameTranslationFiles(currentUrl.pathname, nextUrl.pathname);

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

const NO_TEXTS: Record<string, unknown> = {};

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  const inlineCss = useInlineStyle();
  const i18n = useMemo(
    // The shell's and error page's texts ship with the bundle, so an error page can speak even without loader data.
    () => i18nFor(locale, data?.translation ?? NO_TEXTS, fallbackTexts[locale]),
    [locale, data?.translation],
  );
  // Citizens' pages are server-rendered HTML plus one small script; staff pages hydrate with the full runtime.
  const handle = pageHandleOf(useMatches());
  // A citizen page reached from a staff page in the browser is loaded as a document by its clientLoader
  // (loadAsDocument, app/ui/page-handle.ts) before it renders here.
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f5257" />
        <Meta />
        {/* Citizens' pages carry the stylesheet in their head (given by the server); staff pages link it. */}
        {inlineCss !== null ? <style nonce={nonce} dangerouslySetInnerHTML={{ __html: inlineCss }} /> : <link rel="stylesheet" href={stylesheet} />}
        <Links />
      </head>
      <body>
        <TranslationProvider i18n={i18n}>
          {handle.chrome === "kiosk" ? (
            <main id="main" className="wrap kiosk-main">
              {children}
            </main>
          ) : (
            <Shell user={data?.user ?? null} locale={locale}>
              {children}
            </Shell>
          )}
        </TranslationProvider>
        {handle.hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <script src={enhanceScript} nonce={nonce} defer />
        )}
      </body>
    </html>
  );
}

function Shell({ user, locale, children }: { user: RootData["user"]; locale: Locale; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          {/* The public pages come without the runtime: a staff page opens them as documents. */}
          <Link to="/" className="brand" reloadDocument>
            Suara
          </Link>
          <nav aria-label={t("nav.label")} className="main-nav">
            {PUBLIC_NAV.map((item) => (
              <Link key={item.to} to={item.to} reloadDocument>
                {t(item.label)}
              </Link>
            ))}
            {user ? (
              <>
                <Link to="/staf">{t("nav.workspace")}</Link>
                {/* A plain post: signing out lands on the public home page, which comes without the runtime. */}
                <Form method="post" action="/keluar" className="inline-form" reloadDocument>
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <Link to="/masuk">{t("nav.signIn")}</Link>
            )}
          </nav>
          <Form method="post" action="/bahasa" className="language-switch" reloadDocument>
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" name="locale" value={locale === "id" ? "en" : "id"} lang={locale === "id" ? "en" : "id"}>
              {t("nav.switchLanguage")}
            </button>
          </Form>
        </div>
      </header>
      <main id="main" className="wrap">
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">{t("footer.text")}</div>
      </footer>
    </>
  );
}

export default function App() {
  return <Outlet />;
}

const ERROR_KINDS: Record<number, string> = { 400: "badRequest", 403: "forbidden", 404: "notFound", 413: "tooLarge", 415: "notAForm", 429: "tooMany", 503: "unavailable" };

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = ERROR_KINDS[status] ?? "server";
  return (
    <section className="error-page">
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p>
        <Link to="/" reloadDocument>
          {t("errors.home")}
        </Link>{" "}
        ·{" "}
        <Link to="/kantor" reloadDocument>
          {t("nav.offices")}
        </Link>
      </p>
    </section>
  );
}
