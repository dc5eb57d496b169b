import { Form, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** A QR code that leads nowhere still helps the citizen find the right office. */
export function UnknownCounter() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (!isRouteErrorResponse(error) || error.status !== 404) {
    return (
      <section className="error-page">
        <h1>{t("errors.server.title")}</h1>
        <p>{t("errors.server.body")}</p>
      </section>
    );
  }
  return (
    <section className="rating-page">
      <h1>{t("ratings.unknownCounter.title")}</h1>
      <p>{t("ratings.unknownCounter.body")}</p>
      <Form method="get" action="/kantor" role="search">
        <label htmlFor="q">{t("home.searchLabel")}</label>
        <div className="search-row">
          <input id="q" name="q" type="search" />
          <button type="submit">{t("ratings.unknownCounter.search")}</button>
        </div>
      </Form>
    </section>
  );
}
