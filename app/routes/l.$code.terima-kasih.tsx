import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { counterByCode, ratingByToken } from "~/data/ratings.server";
import { UnknownCounter } from "~/ui/ratings/UnknownCounter";
import { ClientTexts } from "~/ui/ratings/ClientTexts";
import { pageTitle } from "~/i18n/title.server";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const counter = await counterByCode(db(), params.code ?? "");
  if (!counter) throw new Response("Not Found", { status: 404 });
  const url = new URL(request.url);
  const token = url.searchParams.get("t") ?? "";
  const rating = await ratingByToken(db(), token);
  const belongsHere = rating && rating.counter_id === counter.id;
  // The complaint form receives the visit's context; the complaint handler checks it again.
  const complaintQuery = new URLSearchParams({ loket: counter.publicCode });
  if (belongsHere) {
    complaintQuery.set("layanan", String(rating.service_id));
    if (rating.officer_id) complaintQuery.set("petugas", String(rating.officer_id));
    complaintQuery.set("waktu", rating.submitted_at.toISOString());
  }
  return {
    code: counter.publicCode,
    canComplete: Boolean(belongsHere && rating.kind === "quick" && !rating.upgraded_at),
    completed: url.searchParams.get("ok") === "full",
    verified: url.searchParams.get("ok") === "v",
    token: belongsHere ? token : "",
    complaintHref: `/pengaduan/baru?${complaintQuery}`,
    title: await pageTitle(request, "ratings.titles.thanks"),
  };
}

export default function ThankYou() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="rating-page">
      <h1>{t("ratings.thanks.title")}</h1>
      <p className="notice ok" role="status">
        {page.completed ? t("ratings.thanks.completed") : t("ratings.thanks.received")}
      </p>
      {page.verified ? <p>{t("ratings.thanks.verified")}</p> : null}
      {/* Ratings still waiting on this phone are named here too, and sent from here. */}
      <div className="send-status" data-queue-status="" role="status" aria-live="polite" />
      {page.canComplete ? (
        <section className="card">
          <h2>{t("ratings.thanks.moreTitle")}</h2>
          <p>{t("ratings.thanks.moreBody")}</p>
          <Link className="button" to={`/l/${page.code}/survei?lanjut=${page.token}`}>
            {t("ratings.fullSurvey")}
          </Link>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("ratings.thanks.complainTitle")}</h2>
        <p>{t("ratings.thanks.complainBody")}</p>
        <a className="button secondary" href={page.complaintHref}>
          {t("ratings.thanks.complain")}
        </a>
      </section>
      <p>
        <Link to={`/l/${page.code}`}>{t("ratings.thanks.again")}</Link>
      </p>
      <ClientTexts />
    </div>
  );
}

export function ErrorBoundary() {
  return <UnknownCounter />;
}
