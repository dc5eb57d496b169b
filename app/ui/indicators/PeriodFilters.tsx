import { Form } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";
import type { IndicatorQuery } from "~/http/indicator-query";
import { formatDate } from "~/i18n/format";

/**
 * Period, verified-only, population and minimum ratings: a GET form, so every view has its own address.
 * `keep` carries the page's other choices (a comment filter, say) through a change of period.
 */
export function PeriodFilters({
  query,
  showPopulation = true,
  keep = {},
}: {
  query: IndicatorQuery;
  showPopulation?: boolean;
  keep?: Record<string, string | number | null>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    // Keyed by the query, so fields show the period being displayed after a client-side navigation.
    <Form method="get" className="filters" key={JSON.stringify(query)}>
      {Object.entries(keep).map(([name, value]) => (value === null || value === "" ? null : <input key={name} type="hidden" name={name} value={value} />))}
      <div>
        <label htmlFor="periode">{t("indicators.period")}</label>
        <select id="periode" name="periode" defaultValue={query.period.kind}>
          {(["month", "quarter", "year", "custom"] as const).map((kind) => (
            <option key={kind} value={kind}>
              {t(`indicators.periodKinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="tanggal">{t("indicators.containing")}</label>
        <input id="tanggal" name="tanggal" type="date" defaultValue={query.period.from} />
      </div>
      <div>
        <label htmlFor="dari">{t("indicators.from")}</label>
        <input id="dari" name="dari" type="date" defaultValue={query.period.from} />
      </div>
      <div>
        <label htmlFor="sampai">{t("indicators.to")}</label>
        <input id="sampai" name="sampai" type="date" defaultValue={query.period.to} />
      </div>
      {showPopulation ? (
        <div>
          <label htmlFor="populasi">{t("indicators.population")}</label>
          <input
            id="populasi"
            name="populasi"
            type="number"
            min={1}
            defaultValue={query.population ?? ""}
            placeholder={t("indicators.populationUnknown")}
          />
        </div>
      ) : null}
      <label className="check">
        <input type="checkbox" name="terverifikasi" value="1" defaultChecked={query.verifiedOnly} />
        {t("indicators.verifiedOnly")}
      </label>
      <button type="submit">{t("indicators.apply")}</button>
      <p className="hint" style={{ flexBasis: "100%" }}>
        {t("indicators.showing", { from: formatDate(locale, `${query.period.from}T12:00:00Z`), to: formatDate(locale, `${query.period.to}T12:00:00Z`) })}
      </p>
    </Form>
  );
}
