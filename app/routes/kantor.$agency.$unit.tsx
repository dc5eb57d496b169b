import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { useRootData } from "~/root";
import { formatDate, formatNumber, formatRupiah } from "~/i18n/format";
import { now } from "~/platform/clock.server";
import { unitResultsPage } from "~/pages/public-results.server";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { PublicResults } from "~/ui/results/PublicResults";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.unit.name} · Suara` : "Suara" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The public sees the last complete quarter (a period that no longer moves) unless it picks another, through
  // the open-data answer; a refused period shows the default with the error next to the picker.
  const asked = new URL(request.url).searchParams.get("periode");
  const page = await unitResultsPage(db(), params.agency ?? "", params.unit ?? "", asked, now());
  if (!page) throw new Response("Not Found", { status: 404 });
  return data(page, { status: page.results.picker.error ? 400 : 200 });
}

export default function UnitPage() {
  const { unit, services, counters, results, complaints } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const periodQuery = results.picker.chosen ? `?periode=${results.picker.code}` : "";
  return (
    <>
      <p className="muted">
        <a href={`/kantor/${unit.agencySlug}${periodQuery}`}>{unit.agencyName}</a>
      </p>
      <h1>{unit.name}</h1>
      {unit.address ? <p>{unit.address}</p> : null}

      <PublicResults results={results} />
      <p className="small">
        <a href={`/api/v1/units/${unit.id}/indicators?period=${results.indicators.period.code}`}>
          {t("publicResults.openData")}
        </a>{" "}
        · <a href="/api/v1/docs">API</a>
      </p>

      {services.length > 0 ? (
        <section aria-labelledby="service-results-title">
          <h2 id="service-results-title">{t("publicResults.servicesResults")}</h2>
          <ul className="menu-list">
            {services.map((service) => (
              <li key={service.id}>
                <a href={`/kantor/${unit.agencySlug}/${unit.slug}/layanan/${service.id}${periodQuery}`}>
                  {service.name}
                  <span>{t("publicResults.serviceLink")}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>{t("unit.countersTitle")}</h2>
      <p className="muted">{t("unit.countersHint")}</p>
      <ul className="menu-list">
        {counters.map((counter) => (
          <li key={counter.id}>
            <a href={`/l/${counter.publicCode}`}>
              {counter.name}
              <span>{t("unit.rateThisCounter")}</span>
            </a>
          </li>
        ))}
      </ul>

      <section aria-labelledby="complaints-title">
        <h2 id="complaints-title">{t("unit.publicComplaints.title")}</h2>
        <p className="muted small">{t("unit.publicComplaints.hint")}</p>
        {complaints.length === 0 ? <p className="notice">{t("unit.publicComplaints.none")}</p> : null}
        {complaints.map((complaint, index) => (
          <article className="card" key={index}>
            <p className="small muted">
              {formatDate(locale, complaint.submittedAt)} · {t(`complaints.status.${complaint.status}`)}
            </p>
            <p>{complaint.body.length > 300 ? `${complaint.body.slice(0, 300)}…` : complaint.body}</p>
            {complaint.followUp ? (
              <p className="small">
                <strong>{t("unit.publicComplaints.followUp")}</strong> {complaint.followUp}
              </p>
            ) : null}
          </article>
        ))}
      </section>

      <h2>{t("unit.servicesTitle")}</h2>
      {services.map((service) => (
        <section className="card" key={service.id}>
          <h3>{service.name}</h3>
          <dl className="facts">
            <dt>{t("unit.standard.requirements")}</dt>
            <dd>{service.requirements}</dd>
            <dt>{t("unit.standard.procedure")}</dt>
            <dd>{service.procedure}</dd>
            <dt>{t("unit.standard.completion")}</dt>
            <dd>
              {service.completion_days === 0
                ? t("unit.standard.sameDay")
                : t("unit.standard.workingDays", {
                    count: service.completion_days,
                    formatted: formatNumber(locale, service.completion_days),
                  })}
            </dd>
            <dt>{t("unit.standard.fee")}</dt>
            <dd>{service.fee_rupiah === 0 ? t("unit.standard.free") : formatRupiah(locale, service.fee_rupiah)}</dd>
            <dt>{t("unit.standard.product")}</dt>
            <dd>{service.product}</dd>
            <dt>{t("unit.standard.complaints")}</dt>
            <dd>{service.complaint_channel}</dd>
          </dl>
        </section>
      ))}
    </>
  );
}
