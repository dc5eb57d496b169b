import { useState } from "react";
import { Form } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";
import type { IndicatorQuery, RangeField } from "~/http/indicator-query";
import type { PeriodKind } from "~/domain/indicators/period";
import { formatDay, formatDayRange, formatMonth } from "~/i18n/format";

const KINDS: readonly PeriodKind[] = ["month", "quarter", "year", "custom"];
const ROMAN = ["I", "II", "III", "IV"] as const;

/** Quarters from this one back to the start of the year four years ago (and the shown one, if older). */
function quarterOptions(today: string, shown: string): string[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const options: string[] = [];
  for (let y = year, q = Math.floor((month - 1) / 3) + 1; y >= year - 4; q -= 1) {
    if (q === 0) {
      q = 5;
      y -= 1;
      continue;
    }
    options.push(`${y}-Q${q}`);
  }
  return options.includes(shown) ? options : [...options, shown];
}

function quarterOf(day: string): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * Period, verified-only, population: a GET form, so every view has its own address. Only the field the chosen
 * period uses is shown (a month, a quarter, a year, or two days); the others stay in the form hidden, so without
 * the browser's script a change of period still lands on a sensible view, showing that period's field. A refused
 * date range keeps what was typed, with the reason next to the field. Below the form, one line says which period
 * the figures cover and whether it is complete. `keep` carries the page's other choices through a change of period.
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
  const [kind, setKind] = useState<PeriodKind>(query.refused ? "custom" : query.period.kind);
  const { period, refused, today } = query;
  const quarterLabel = (value: string) => {
    const [year, q] = value.split("-Q") as [string, string];
    return t("indicators.quarterOption", { roman: ROMAN[Number(q) - 1], n: q, year });
  };
  const range = formatDayRange(locale, period.from, period.to);
  const name =
    period.kind === "month"
      ? formatMonth(locale, period.from)
      : period.kind === "quarter"
        ? quarterLabel(quarterOf(period.from))
        : period.kind === "year"
          ? `${t("indicators.fields.year")} ${period.from.slice(0, 4)}`
          : null;
  const coverage = period.to < today ? "complete" : period.from > today ? "future" : "running";
  const rangeField = (field: RangeField, value: string) => {
    const error = refused?.errors[field];
    return (
      <div>
        <label htmlFor={field}>{t(`indicators.fields.${field === "dari" ? "from" : "to"}`)}</label>
        <input
          id={field}
          name={field}
          type="date"
          defaultValue={refused ? refused[field] : value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${field}-error` : undefined}
        />
        {error ? (
          <p className="field-error" id={`${field}-error`}>
            {t(error)}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <>
      {/* Keyed by the query, so fields show the period being displayed after a client-side navigation. */}
      <Form method="get" className="filters" key={JSON.stringify(query)}>
        {Object.entries(keep).map(([field, value]) => (value === null || value === "" ? null : <input key={field} type="hidden" name={field} value={value} />))}
        <div>
          <label htmlFor="periode">{t("indicators.period")}</label>
          <select id="periode" name="periode" value={kind} onChange={(event) => setKind(event.target.value as PeriodKind)}>
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`indicators.periodKinds.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div hidden={kind !== "month"}>
          <label htmlFor="bulan">{t("indicators.fields.month")}</label>
          <input id="bulan" name="bulan" type="month" min="2000-01" max="2100-12" defaultValue={period.from.slice(0, 7)} />
        </div>
        <div hidden={kind !== "quarter"}>
          <label htmlFor="triwulan">{t("indicators.fields.quarter")}</label>
          <select id="triwulan" name="triwulan" defaultValue={quarterOf(period.from)}>
            {quarterOptions(today, quarterOf(period.from)).map((value) => (
              <option key={value} value={value}>
                {quarterLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <div hidden={kind !== "year"}>
          <label htmlFor="tahun">{t("indicators.fields.year")}</label>
          <input id="tahun" name="tahun" type="number" inputMode="numeric" min={2000} max={2100} defaultValue={period.from.slice(0, 4)} />
        </div>
        {kind === "custom" ? (
          <>
            {rangeField("dari", period.from)}
            {rangeField("sampai", period.to)}
          </>
        ) : (
          // Not shown, but sent: choosing "date range" without the browser's script opens on this period's days.
          <>
            <input type="hidden" name="dari" value={period.from} />
            <input type="hidden" name="sampai" value={period.to} />
          </>
        )}
        {showPopulation ? (
          <div>
            <label htmlFor="populasi">{t("indicators.population")}</label>
            <input id="populasi" name="populasi" type="number" min={1} defaultValue={query.population ?? ""} placeholder={t("indicators.populationUnknown")} />
          </div>
        ) : null}
        <label className="check">
          <input type="checkbox" name="terverifikasi" value="1" defaultChecked={query.verifiedOnly} />
          {t("indicators.verifiedOnly")}
        </label>
        <button type="submit">{t("indicators.apply")}</button>
      </Form>
      <p className={refused ? "notice error period-line" : "notice period-line"}>
        {refused ? <strong>{t("indicators.coverage.refused")} </strong> : null}
        {t(`indicators.coverage.${coverage}`, { period: name ? `${name} (${range})` : range, today: formatDay(locale, today) })}
      </p>
    </>
  );
}
