import { Form, isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

interface MovedCounter {
  counterName: string;
  unitName: string;
  agencyName: string;
  /** The counter's current code when it still serves under another one. */
  newCode: string | null;
  unitPage: string;
}

function movedOf(data: unknown): MovedCounter | null {
  if (!data || typeof data !== "object" || !("moved" in data)) return null;
  return (data as { moved: MovedCounter | null }).moved;
}

/** A QR code that leads nowhere still helps the citizen find the right office; an old code says where it went. */
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
  const moved = movedOf(error.data);
  if (moved) {
    return (
      <section className="rating-page">
        <h1>{t(moved.newCode ? "ratings.movedCounter.title" : "ratings.movedCounter.closedTitle", { counter: moved.counterName })}</h1>
        <p>{t(moved.newCode ? "ratings.movedCounter.body" : "ratings.movedCounter.closedBody", { counter: moved.counterName, unit: moved.unitName, agency: moved.agencyName })}</p>
        <p className="form-actions">
          {moved.newCode ? (
            <Link className="button" to={`/l/${moved.newCode}`}>
              {t("ratings.movedCounter.rateHere", { counter: moved.counterName })}
            </Link>
          ) : null}
          <Link className={moved.newCode ? "button secondary" : "button"} to={moved.unitPage}>
            {t("ratings.movedCounter.office")}
          </Link>
        </p>
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
