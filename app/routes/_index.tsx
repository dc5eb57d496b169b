import type { MetaFunction } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;
// A route with a clientLoader and no server loader is rendered empty on the server (Remix waits for the browser):
// this page has no data, but the server must render it.
export const loader = () => null;

export const meta: MetaFunction = () => [{ title: "Suara" }];

export default function Home() {
  const { t } = useTranslation();
  return (
    <div className="narrow-home">
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      <Form method="get" action="/kantor" role="search" className="card">
        <label htmlFor="q">{t("home.searchLabel")}</label>
        <span className="hint" id="q-hint">
          {t("home.searchHint")}
        </span>
        <div className="search-row">
          <input id="q" name="q" type="search" aria-describedby="q-hint" autoComplete="off" />
          <button type="submit">{t("home.searchButton")}</button>
        </div>
      </Form>
      <h2>{t("home.howTitle")}</h2>
      <ol className="steps">
        <li>{t("home.step1")}</li>
        <li>{t("home.step2")}</li>
        <li>{t("home.step3")}</li>
      </ol>
      <p>
        <Link to="/kantor">{t("home.allOffices")}</Link>
      </p>
    </div>
  );
}
