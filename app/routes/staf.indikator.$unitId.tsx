import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaffUnit } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { unitBreakdown } from "~/data/drilldown.server";
import { forumActionsForElement } from "~/data/forums/actions.server";
import { now } from "~/platform/clock.server";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { formatDay, formatMonth, formatNumber, formatPercent } from "~/i18n/format";
import { useRootData } from "~/root";
import { BarsWithTable } from "~/ui/charts/BarsWithTable";
import { ElementBars } from "~/ui/indicators/ElementBars";
import { drilldownPath } from "~/ui/indicators/Drilldown";
import { OfficerTable } from "~/ui/indicators/OfficerTable";
import { PeriodFilters } from "~/ui/indicators/PeriodFilters";
import { ScopeBreakdown } from "~/ui/indicators/ScopeBreakdown";
import { searchWith } from "~/http/drilldown-query";
import { parseIndicatorQuery } from "~/http/indicator-query";
import { todayIn, unitIndicatorPage } from "~/pages/unit-indicators.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `IKM · ${data.unit.name}` : "Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await requireStaffUnit(request, ["supervisor", "admin"], params.unitId);
  const unitId = unit.id;
  const query = parseIndicatorQuery(new URL(request.url).searchParams, todayIn(unit.timeZone), { minimumRatings: unit.officerRankingMin });
  const [page, forumActions, breakdown] = await Promise.all([
    unitIndicatorPage({ kind: "unit", unitId }, query),
    Promise.all(ELEMENT_CODES.map(async (code) => ({ code, actions: await forumActionsForElement(db(), unitId, code, now()) }))),
    unitBreakdown(db(), unitId, query.period, { verifiedOnly: query.verifiedOnly }),
  ]);
  return { unit: { id: unit.id, name: unit.name, agencyName: unit.agencyName }, query, ...page, forumActions: forumActions.filter((entry) => entry.actions.length > 0), breakdown };
}

export default function UnitIndicators() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const { search } = useLocation();
  const { current } = data;
  const ikm = current.ikm.kind === "computed" ? current.ikm : null;
  const num = (value: number, digits = 2) => formatNumber(locale, value, digits);
  // Drill-down links keep the period and the verified-only choice being displayed.
  const drilldownSearch = searchWith(data.query);
  return (
    <>
      <p className="muted">
        <Link to={`/staf/unit/${data.unit.id}`}>{data.unit.name}</Link> · {data.unit.agencyName}
      </p>
      <h1>{t("indicators.title")}</h1>
      <PeriodFilters query={data.query} />
      <p className="form-actions">
        <a className="button secondary" href={`/staf/indikator/${data.unit.id}.csv${search}`} download>
          {t("skmReport.downloadCsv")}
        </a>
        <a className="button secondary" href={`/staf/indikator/${data.unit.id}.xlsx${search}`} download>
          {t("skmReport.downloadXlsx")}
        </a>
        <Link className="button secondary" to={`/staf/laporan/${data.unit.id}${search}`}>
          {t("skmReport.menu")}
        </Link>
      </p>

      <div className="kpis">
        <div className="kpi">
          <div className="label">{t("indicators.ikmUnit")}</div>
          <div className="value">{ikm ? num(ikm.ikmUnitRounded) : "–"}</div>
          <div className="small">{ikm ? `${t("indicators.mutu")} ${ikm.mutu} · ${t(`indicators.kinerja.${ikm.kinerja}`)}` : t("indicators.noSurveys")}</div>
        </div>
        <div className="kpi">
          <div className="label">{t("indicators.respondents")}</div>
          <div className="value">{formatNumber(locale, current.counts.fullSurveys)}</div>
          <div className={data.sample.sufficient ? "small" : "small badge warn"}>
            {data.sample.sufficient
              ? t("indicators.sampleOk", { required: formatNumber(locale, data.sample.required) })
              : t("indicators.sampleShort", { required: formatNumber(locale, data.sample.required), shortfall: formatNumber(locale, data.sample.shortfall) })}
          </div>
        </div>
        <div className="kpi">
          <div className="label">{t("indicators.lowest")}</div>
          <div className="value">{ikm ? ikm.lowest : "–"}</div>
          <div className="small">{ikm ? t(`ratings.elements.${ikm.lowest}.name`) : ""}</div>
        </div>
        <div className="kpi">
          <div className="label">{t("indicators.comparison")}</div>
          <div className="value">
            {data.comparison?.kind === "compared" ? `${data.comparison.difference > 0 ? "+" : ""}${num(data.comparison.difference)}` : "–"}
          </div>
          <div className="small">{data.previousIkm !== null ? t("indicators.previousWas", { value: num(data.previousIkm) }) : t("indicators.noPrevious")}</div>
        </div>
        <div className="kpi">
          <div className="label">{t("indicators.quickRatings")}</div>
          <div className="value">{formatNumber(locale, current.counts.quick)}</div>
          <div className="small">{current.counts.quickMean !== null ? t("indicators.quickMean", { value: num(current.counts.quickMean) }) : ""}</div>
        </div>
        <div className="kpi">
          <div className="label">{t("indicators.verifiedShare")}</div>
          <div className="value">{current.counts.verifiedShare === null ? "–" : formatPercent(locale, current.counts.verifiedShare)}</div>
          <div className="small">{t("indicators.leftOut", { flagged: current.counts.flagged, excluded: current.counts.excluded })}</div>
        </div>
      </div>

      {data.complaints ? (
        <>
          <h2>{t("indicators.complaintsTitle")}</h2>
          <div className="kpis">
            <div className="kpi">
              <div className="label">{t("indicators.complaints")}</div>
              <div className="value">{formatNumber(locale, data.complaints.complaints)}</div>
              <div className="small">
                {data.complaints.complaintsPer1000Ratings === null ? "" : t("indicators.per1000", { value: num(data.complaints.complaintsPer1000Ratings) })}
              </div>
            </div>
            <div className="kpi">
              <div className="label">{t("indicators.verifiedIn3")}</div>
              <div className="value">{data.complaints.shareVerifiedWithinLimit === null ? "–" : formatPercent(locale, data.complaints.shareVerifiedWithinLimit)}</div>
              <div className="small">n = {data.complaints.denominators.verification}</div>
            </div>
            <div className="kpi">
              <div className="label">{t("indicators.followedUpIn5")}</div>
              <div className="value">{data.complaints.shareFollowedUpWithinLimit === null ? "–" : formatPercent(locale, data.complaints.shareFollowedUpWithinLimit)}</div>
              <div className="small">n = {data.complaints.denominators.followUp}</div>
            </div>
            <div className="kpi">
              <div className="label">{t("indicators.medianDays")}</div>
              <div className="value">{data.complaints.medianDaysToClose === null ? "–" : num(data.complaints.medianDaysToClose)}</div>
              <div className="small">n = {data.complaints.denominators.closed}</div>
            </div>
            <div className="kpi">
              <div className="label">{t("indicators.upheldShare")}</div>
              <div className="value">{data.complaints.shareNamingOfficerUpheld === null ? "–" : formatPercent(locale, data.complaints.shareNamingOfficerUpheld)}</div>
              <div className="small">n = {data.complaints.denominators.namingOfficerDecided}</div>
            </div>
          </div>
          <p className="small">
            <Link to="/staf/pengaduan?tampil=terlambat">{t("indicators.lateComplaints")}</Link>
          </p>
        </>
      ) : null}

      <h2>{t("indicators.perElement")}</h2>
      <ElementBars nrr={ikm?.nrr ?? null} tallies={current.tallies} />

      {data.forumActions.length > 0 ? (
        <>
          <h3>{t("indicators.forumActions")}</h3>
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("unit.results.element")}</th>
                  <th scope="col">{t("indicators.action")}</th>
                  <th scope="col">{t("indicators.due")}</th>
                  <th scope="col">{t("indicators.actionStatus")}</th>
                </tr>
              </thead>
              <tbody>
                {data.forumActions.flatMap((entry) =>
                  entry.actions.map((action) => (
                    <tr key={action.id}>
                      <th scope="row">
                        {entry.code} · {t(`ratings.elements.${entry.code}.name`)}
                      </th>
                      <td>
                        <a href={action.publicUrl}>{action.description}</a>
                        <div className="small muted">{action.forumTitle}</div>
                      </td>
                      <td className="nowrap">{formatDay(locale, action.dueOn)}</td>
                      <td>
                        <span className="badge">{t(`forums.status.${action.status}`)}</span>
                        {action.late ? <span className="badge danger">{t("forums.page.late")}</span> : null}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h2>{t("indicators.trend")}</h2>
      <BarsWithTable
        caption={t("indicators.trendCaption")}
        valueLabel={t("indicators.ikmUnit")}
        format={(value) => num(value)}
        domain={[25, 100]}
        reference={88.31}
        data={data.trend.map((point) => ({ label: formatMonth(locale, point.month), value: point.ikmUnit, note: `n = ${formatNumber(locale, point.respondents)}` }))}
      />

      <h2>{t("indicators.officers")}</h2>
      <p className="muted small">{t("indicators.officersHint", { minimum: data.query.minimumRatings })}</p>
      <OfficerTable officers={data.officers.officers} ranking={data.officers.ranking} officerHref={(officerId) => `${drilldownPath(data.unit.id, "officer", officerId)}${drilldownSearch}`} />

      <ScopeBreakdown unitId={data.unit.id} counters={data.breakdown.counters} services={data.breakdown.services} search={drilldownSearch} />
    </>
  );
}
