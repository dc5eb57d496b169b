import { Link } from "@remix-run/react";
import type { BreakdownRow } from "~/data/drilldown.server";
import { formatNumber } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { drilldownPath } from "./Drilldown";

/** The unit's counters and services with their figures for the period, each linking to its drill-down. */
export function ScopeBreakdown({
  unitId,
  counters,
  services,
  search,
}: {
  unitId: number;
  counters: BreakdownRow[];
  services: BreakdownRow[];
  search: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t("drilldown.breakdown.title")}</h2>
      <p className="muted small">{t("drilldown.breakdown.hint")}</p>
      <h3>{t("drilldown.breakdown.counters")}</h3>
      {counters.length === 0 ? (
        <p className="notice">{t("drilldown.breakdown.noCounters")}</p>
      ) : (
        <BreakdownTable
          rows={counters}
          caption={t("drilldown.breakdown.counters")}
          href={(id) => `${drilldownPath(unitId, "counter", id)}${search}`}
          inactiveKey="drilldown.inactive.counter"
        />
      )}
      <h3>{t("drilldown.breakdown.services")}</h3>
      {services.length === 0 ? (
        <p className="notice">{t("drilldown.breakdown.noServices")}</p>
      ) : (
        <BreakdownTable
          rows={services}
          caption={t("drilldown.breakdown.services")}
          href={(id) => `${drilldownPath(unitId, "service", id)}${search}`}
          inactiveKey="drilldown.inactive.service"
        />
      )}
    </>
  );
}

function BreakdownTable({
  rows,
  caption,
  href,
  inactiveKey,
}: {
  rows: BreakdownRow[];
  caption: string;
  href: (id: number) => string;
  inactiveKey: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const showUnit = new Set(rows.map((row) => row.unitName)).size > 1;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("drilldown.breakdown.name")}</th>
            {showUnit ? <th scope="col">{t("drilldown.breakdown.unit")}</th> : null}
            <th scope="col" className="num">
              {t("drilldown.breakdown.ratings")}
            </th>
            <th scope="col" className="num">
              {t("drilldown.breakdown.fullSurveys")}
            </th>
            <th scope="col" className="num">
              {t("drilldown.breakdown.ikm")}
            </th>
            <th scope="col">{t("drilldown.breakdown.mutu")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link to={href(row.id)}>{row.name}</Link>
                {row.inactive ? (
                  <>
                    {" "}
                    <span className="badge warn">{t(inactiveKey)}</span>
                  </>
                ) : null}
              </th>
              {showUnit ? <td>{row.unitName}</td> : null}
              <td className="num">{formatNumber(locale, row.ratings)}</td>
              <td className="num">{formatNumber(locale, row.fullSurveys)}</td>
              <td className="num">{row.ikmUnit === null ? "–" : formatNumber(locale, row.ikmUnit, 2)}</td>
              <td>{row.mutu ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
