import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDayRange, formatNumber } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { agencyComparisonPage, type SortKey } from "~/pages/public-results.server";
import { CITIZEN_PAGE, loadAsDocument } from "~/ui/page-handle";
import { PeriodPicker } from "~/ui/results/PeriodPicker";
import { ResultTerms } from "~/ui/results/ResultTerms";

export const handle = CITIZEN_PAGE;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.agency.name} · Suara` : "Suara" },
];

const SORTS: SortKey[] = ["name", "ikm", "respondents"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const query = new URL(request.url).searchParams;
  const asked = query.get("urut");
  const sort = SORTS.find((key) => key === asked) ?? "name";
  const page = await agencyComparisonPage(db(), params.agency ?? "", sort, query.get("periode"), now());
  if (!page) throw new Response("Not Found", { status: 404 });
  return data(page, { status: page.picker.error ? 400 : 200 });
}

const SORT_LABELS: Record<SortKey, string> = { name: "sortName", ikm: "sortIkm", respondents: "sortRespondents" };

export default function AgencyComparison() {
  const { agency, period, picker, sort, rows } = useLoaderData<typeof loader>();
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
      <PeriodPicker picker={picker} keep={sort === "name" ? {} : { urut: sort }} />
      <nav aria-label={t("publicResults.agency.sort")} className="sort-links">
        <span className="muted">{t("publicResults.agency.sort")}:</span>
        {SORTS.map((key) =>
          key === sort ? (
            <strong key={key} aria-current="true">
              {t(`publicResults.agency.${SORT_LABELS[key]}`)}
            </strong>
          ) : (
            <a
              key={key}
              href={`?${new URLSearchParams({ urut: key, ...(picker.chosen ? { periode: picker.code } : {}) }).toString()}`}
            >
              {t(`publicResults.agency.${SORT_LABELS[key]}`)}
            </a>
          ),
        )}
      </nav>
      <div className="table-wrap" tabIndex={0}>
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
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.unitId}>
                <th scope="row">
                  <a href={`/kantor/${agency.slug}/${row.slug}${picker.chosen ? `?periode=${picker.code}` : ""}`}>
                    {row.name}
                  </a>
                  {row.lowest ? (
                    <span className="hint">
                      {t("publicResults.agency.lowestLine", {
                        element: `${row.lowest} ${t(`ratings.elements.${row.lowest}.name`)}`,
                      })}
                    </span>
                  ) : null}
                </th>
                <td className="num">
                  {row.ikm === null ? (
                    <span className="muted">{t("publicResults.agency.withheld")}</span>
                  ) : (
                    `${formatNumber(locale, row.ikm, 2)} (${row.mutu})`
                  )}
                </td>
                <td className="num">
                  {formatNumber(locale, row.respondents)}
                  {row.sampleRequired === null ? null : (
                    <span className="hint">
                      {t(
                        row.respondents >= row.sampleRequired
                          ? "publicResults.agency.sampleOk"
                          : "publicResults.agency.sampleShort",
                        { required: formatNumber(locale, row.sampleRequired) },
                      )}
                    </span>
                  )}
                </td>
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
      <ResultTerms terms={["ikm", "mutu", "respondents", "minimum", "sample", "lowest"]} minimum={agency.minimum} />
    </>
  );
}
