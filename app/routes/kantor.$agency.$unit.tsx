import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { countersOfUnit, servicesOfUnit, unitBySlugs } from "~/data/organisation.server";
import { useRootData } from "~/root";
import { formatDate, formatNumber, formatPercent, formatRupiah } from "~/i18n/format";
import { now } from "~/platform/clock.server";
import { scopeIndicators } from "~/data/indicators.server";
import { publicComplaintsOfUnit } from "~/data/complaints/figures.server";
import { localDay } from "~/data/ratings.server";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { periodContaining, previousPeriod } from "~/domain/indicators/period";
import { requiredSampleSize } from "~/domain/indicators/sample-size";
import { CITIZEN_PAGE } from "~/ui/page-handle";

export const handle = CITIZEN_PAGE;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.unit.name} · Suara` : "Suara" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const unit = await unitBySlugs(db(), params.agency ?? "", params.unit ?? "");
  if (!unit) throw new Response("Not Found", { status: 404 });
  // The public sees the last complete quarter: a period that no longer moves.
  const lastQuarter = previousPeriod(periodContaining("quarter", localDay(now(), unit.timeZone)));
  const [services, counters, results] = await Promise.all([
    servicesOfUnit(db(), unit.id),
    countersOfUnit(db(), unit.id),
    scopeIndicators(db(), { kind: "unit", unitId: unit.id }, lastQuarter),
  ]);
  const complaints = await publicComplaintsOfUnit(db(), unit.id, { limit: 10 });
  return {
    unit: { name: unit.name, address: unit.address, agencyName: unit.agencyName },
    services,
    counters,
    complaints,
    results: { period: lastQuarter, ikm: results.ikm, counts: results.counts, tallies: results.tallies, required: requiredSampleSize(1_000_000) },
  };
}

export default function UnitPage() {
  const { unit, services, counters, results, complaints } = useLoaderData<typeof loader>();
  const ikm = results.ikm.kind === "computed" ? results.ikm : null;
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  return (
    <>
      <p className="muted">{unit.agencyName}</p>
      <h1>{unit.name}</h1>
      {unit.address ? <p>{unit.address}</p> : null}

      <section aria-labelledby="results-title">
        <h2 id="results-title">{t("unit.results.title", { from: formatDate(locale, `${results.period.from}T12:00:00Z`), to: formatDate(locale, `${results.period.to}T12:00:00Z`) })}</h2>
        {ikm ? (
          <>
            <div className="kpis">
              <div className="kpi">
                <div className="label">{t("indicators.ikmUnit")}</div>
                <div className="value">{formatNumber(locale, ikm.ikmUnitRounded, 2)}</div>
                <div className="small">
                  {t("indicators.mutu")} {ikm.mutu} · {t(`indicators.kinerja.${ikm.kinerja}`)}
                </div>
              </div>
              <div className="kpi">
                <div className="label">{t("indicators.respondents")}</div>
                <div className="value">{formatNumber(locale, results.counts.fullSurveys)}</div>
                <div className="small">
                  {results.counts.fullSurveys >= results.required ? t("unit.results.sampleOk") : t("unit.results.sampleShort", { required: formatNumber(locale, results.required) })}
                </div>
              </div>
              <div className="kpi">
                <div className="label">{t("indicators.lowest")}</div>
                <div className="value">{ikm.lowest}</div>
                <div className="small">{t(`ratings.elements.${ikm.lowest}.name`)}</div>
              </div>
              <div className="kpi">
                <div className="label">{t("indicators.verifiedShare")}</div>
                <div className="value">{results.counts.verifiedShare === null ? "–" : formatPercent(locale, results.counts.verifiedShare)}</div>
              </div>
            </div>
            <div className="table-wrap">
              <table>
                <caption className="small muted">{t("indicators.nrrCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("unit.results.element")}</th>
                    <th scope="col" className="num">
                      NRR
                    </th>
                    <th scope="col" className="num">
                      n
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ELEMENT_CODES.map((code) => (
                    <tr key={code}>
                      <th scope="row">
                        {code} · {t(`ratings.elements.${code}.name`)}
                      </th>
                      <td className="num">{ikm.nrr[code] === null ? "–" : formatNumber(locale, ikm.nrr[code]!, 2)}</td>
                      <td className="num">{formatNumber(locale, results.tallies[code].count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p className="notice">{t("unit.results.none")}</p>
        )}
      </section>

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
                : t("unit.standard.workingDays", { count: service.completion_days, formatted: formatNumber(locale, service.completion_days) })}
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
