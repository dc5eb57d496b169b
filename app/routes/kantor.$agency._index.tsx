import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDayRange, formatNumber } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { agencyComparisonPage, type SortKey } from "~/pages/public-results.server";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.agency.name} · Suara` : "Suara" },
];

const SORTS: SortKey[] = ["name", "ikm", "respondents"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("urut");
  const sort = SORTS.find((key) => key === asked) ?? "name";
  const page = await agencyComparisonPage(db(), params.agency ?? "", sort, now());
  if (!page) throw new Response("Not Found", { status: 404 });
  return page;
}

const SORT_LABELS: Record<SortKey, string> = { name: "sortName", ikm: "sortIkm", respondents: "sortRespondents" };

export default function AgencyComparison() {
  const { agency, period, sort, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h1>{t("publicResults.agency.title", { agency: agency.name })}</h1>
      <p>
        {t("publicResults.agency.intro", {
          range: formatDayRange(locale, period.from, period.to),
          minimum: formatNumber(locale, agency.minimum),
        })}
      </p>
      <nav aria-label={t("publicResults.agency.sort")} className="search-row">
        <span className="muted">{t("publicResults.agency.sort")}:</span>
        {SORTS.map((key) =>
          key === sort ? (
            <strong key={key} aria-current="true">
              {t(`publicResults.agency.${SORT_LABELS[key]}`)}
            </strong>
          ) : (
            <a key={key} href={`?urut=${key}`}>
              {t(`publicResults.agency.${SORT_LABELS[key]}`)}
            </a>
          ),
        )}
      </nav>
      <div className="table-wrap">
        <table>
          <caption className="small muted">{t("publicResults.agency.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("publicResults.agency.unit")}</th>
              <th scope="col" className="num" aria-sort={sort === "ikm" ? "descending" : undefined}>
                {t("publicResults.ikm")}
              </th>
              <th scope="col" className="num" aria-sort={sort === "respondents" ? "descending" : undefined}>
                {t("publicResults.respondents")}
              </th>
              <th scope="col">{t("publicResults.lowest")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.unitId}>
                <th scope="row">
                  <a href={`/kantor/${agency.slug}/${row.slug}`}>{row.name}</a>
                </th>
                <td className="num">
                  {row.ikm === null ? (
                    <span className="muted">{t("publicResults.agency.withheld")}</span>
                  ) : (
                    `${formatNumber(locale, row.ikm, 2)} (${row.mutu})`
                  )}
                </td>
                <td className="num">{formatNumber(locale, row.respondents)}</td>
                <td>{row.lowest ? `${row.lowest} ${t(`ratings.elements.${row.lowest}.name`)}` : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small">
        <a href={`/api/v1/agencies/${agency.slug}/indicators.csv?period=${period.code}`}>
          {t("publicResults.agency.download")}
        </a>{" "}
        ·{" "}
        <a href={`/api/v1/agencies/${agency.slug}/indicators.xlsx?period=${period.code}`}>
          {t("publicResults.agency.downloadXlsx")}
        </a>{" "}
        · <a href="/api/v1/docs">{t("publicResults.openData")}</a>
      </p>
    </>
  );
}
