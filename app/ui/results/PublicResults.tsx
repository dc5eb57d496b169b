import type { PublicResults as Results } from "~/pages/public-results.server";
import { formatDay, formatDayRange, formatMonth, formatNumber, formatPercent } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { BarsWithTable } from "~/ui/charts/BarsWithTable";
import { PeriodPicker } from "./PeriodPicker";
import { ResultTerms } from "./ResultTerms";
import { Commitments } from "./Commitments";

// The results block of a unit's or a service's public page: the figure (or "not enough data"), the sample in
// plain words, quick ratings, the excluded share, every element, the 12-month trend with its table, the lowest
// element's follow-up, complaint handling and forum actions. Every term is explained in one line.

const KINERJA: Record<string, string> = { A: "sangat_baik", B: "baik", C: "kurang_baik", D: "tidak_baik" };

export function PublicResults({ results, scope = "unit" }: { results: Results; scope?: "unit" | "service" }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { indicators: r, trend, followUp, complaintFigures: c, forum } = results;
  const share = (value: number | null, digits = 0) => (value === null ? "–" : formatPercent(locale, value, digits));
  return (
    <>
      <PeriodPicker picker={results.picker} />
      <section aria-labelledby="results-title">
        <h2 id="results-title">
          {t("publicResults.periodTitle", { range: formatDayRange(locale, r.period.from, r.period.to) })}
        </h2>
        {r.suppressed ? (
          <p className="notice warn" data-testid="suppressed">
            {t("publicResults.suppressed", {
              count: formatNumber(locale, r.respondents),
              minimum: formatNumber(locale, r.minimum),
            })}
          </p>
        ) : null}
        <div className="kpis">
          {r.ikm !== null && r.mutu ? (
            <div className="kpi" data-testid="ikm">
              <div className="label">{t("publicResults.ikm")}</div>
              <div className="value">{formatNumber(locale, r.ikm, 2)}</div>
              <div className="small">
                {t("publicResults.mutu", { mutu: r.mutu, kinerja: t(`indicators.kinerja.${KINERJA[r.mutu]}`) })}
              </div>
            </div>
          ) : null}
          <div className="kpi">
            <div className="label">{t("publicResults.respondents")}</div>
            <div className="value" data-testid="respondents">
              {formatNumber(locale, r.respondents)}
            </div>
            <div className="small">
              {r.sampleRequired === null
                ? t("publicResults.sampleUnknown")
                : r.sufficient === false || (r.suppressed && r.respondents < r.sampleRequired)
                  ? t("publicResults.sampleShort", {
                      respondents: formatNumber(locale, r.respondents),
                      required: formatNumber(locale, r.sampleRequired),
                    })
                  : t("publicResults.sampleOk", { required: formatNumber(locale, r.sampleRequired) })}
            </div>
          </div>
          {r.lowest ? (
            <div className="kpi">
              <div className="label">{t("publicResults.lowest")}</div>
              <div className="value">{r.lowest}</div>
              <div className="small">{t(`ratings.elements.${r.lowest}.name`)}</div>
            </div>
          ) : null}
          <div className="kpi">
            <div className="label">{t("publicResults.quick")}</div>
            {r.quick.satisfiedShare !== null && r.quick.interval ? (
              <>
                <div className="value">{t("publicResults.quickValue", { share: share(r.quick.satisfiedShare) })}</div>
                <div className="small">
                  {t("publicResults.quickInterval", {
                    low: share(r.quick.interval.low),
                    high: share(r.quick.interval.high),
                    count: formatNumber(locale, r.quick.ratings),
                  })}
                </div>
              </>
            ) : (
              <div className="small">
                {t("publicResults.quickSuppressed", { count: formatNumber(locale, r.quick.ratings) })}
              </div>
            )}
          </div>
          <div className="kpi">
            <div className="label">{t("publicResults.excluded")}</div>
            <div className="value">{share(r.excluded.share, 1)}</div>
            <div className="small">
              {t("publicResults.excludedValue", {
                count: formatNumber(locale, r.excluded.ratings),
                received: formatNumber(locale, r.excluded.received),
              })}
            </div>
          </div>
        </div>
        {!r.suppressed ? (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption className="small muted">{t("publicResults.elementsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("publicResults.element")}</th>
                  <th scope="col" className="num">
                    {t("publicResults.nrr")}
                  </th>
                  <th scope="col" className="num">
                    {t("publicResults.answers")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.elements.map((element) => (
                  <tr key={element.code}>
                    <th scope="row">
                      {element.code} · {t(`ratings.elements.${element.code}.name`)}
                    </th>
                    <td className="num">{element.nrr === null ? "–" : formatNumber(locale, element.nrr, 2)}</td>
                    <td className="num">{formatNumber(locale, element.answers)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <ResultTerms
          terms={["ikm", "mutu", "respondents", "minimum", "sample", "nrr", "answers", "lowest", "quick", "excluded"]}
          minimum={r.minimum}
        />
      </section>

      <section aria-labelledby="trend-title">
        <h2 id="trend-title">{t("publicResults.trend.title")}</h2>
        {trend.some((point) => point.ikm !== null) ? (
          <BarsWithTable
            data={trend.map((point) => ({
              label: formatMonth(locale, `${point.month}-15`),
              value: point.ikm,
              note: point.suppressed
                ? t("publicResults.trend.withheld", { count: formatNumber(locale, point.respondents) })
                : undefined,
            }))}
            caption={t("publicResults.trend.caption", { minimum: formatNumber(locale, r.minimum) })}
            valueLabel={t("publicResults.trend.value")}
            format={(value) => formatNumber(locale, value, 2)}
            domain={[25, 100]}
          />
        ) : (
          <TrendTable
            trend={trend}
            caption={t("publicResults.trend.caption", { minimum: formatNumber(locale, r.minimum) })}
          />
        )}
      </section>

      <section aria-labelledby="follow-up-title">
        <h2 id="follow-up-title">{t("publicResults.followUp.title")}</h2>
        <p className="muted small">{t("publicResults.followUp.intro")}</p>
        <p>
          {followUp.lowest
            ? t("publicResults.followUp.lowest", {
                element: `${followUp.lowest} ${t(`ratings.elements.${followUp.lowest}.name`)}`,
              })
            : t("publicResults.followUp.noLowest")}
        </p>
        <Commitments recommendations={r.recommendations} lowest={followUp.lowest} />
        {followUp.recommendations || followUp.previousFollowUp || followUp.previousRecommendations ? (
          <dl className="facts">
            {followUp.recommendations ? (
              <>
                <dt>{t("publicResults.followUp.recommendations")}</dt>
                <dd style={{ whiteSpace: "pre-wrap" }}>{followUp.recommendations}</dd>
              </>
            ) : null}
            {followUp.previousRecommendations ? (
              <>
                <dt>{t("publicResults.followUp.previousRecommendations")}</dt>
                <dd style={{ whiteSpace: "pre-wrap" }}>{followUp.previousRecommendations}</dd>
              </>
            ) : null}
            {followUp.previousFollowUp ? (
              <>
                <dt>{t("publicResults.followUp.previousFollowUp")}</dt>
                <dd style={{ whiteSpace: "pre-wrap" }}>{followUp.previousFollowUp}</dd>
              </>
            ) : null}
          </dl>
        ) : r.recommendations.items.length === 0 && r.recommendations.previous.items.length === 0 ? (
          <p className="notice">{t("publicResults.followUp.none")}</p>
        ) : null}
        <p className="muted small">{t("publicResults.commitments.terms")}</p>
        {followUp.actions.length > 0 ? (
          <>
            <h3>{t("publicResults.followUp.actions")}</h3>
            <ul>
              {followUp.actions.map((action) => (
                <li key={action.id}>
                  <a href={action.publicUrl}>{action.description}</a> · {t(`forums.status.${action.status}`)}
                  {action.late ? ` · ${t("publicResults.forum.late")}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="complaint-figures-title">
        <h2 id="complaint-figures-title">{t("publicResults.complaints.title")}</h2>
        <p className="muted small">{t(`publicResults.complaints.scope.${scope}`)}</p>
        <div className="kpis" data-testid="complaint-figures">
          <div className="kpi">
            <div className="label">{t("publicResults.complaints.received")}</div>
            <div className="value">{formatNumber(locale, c.received)}</div>
          </div>
          <div className="kpi">
            <div className="label">{t("publicResults.complaints.within3")}</div>
            <div className="value">{share(c.shareVerifiedWithin3)}</div>
            <div className="small">
              {t("publicResults.complaints.of", { count: formatNumber(locale, c.verificationDecided) })}
            </div>
          </div>
          <div className="kpi">
            <div className="label">{t("publicResults.complaints.within5")}</div>
            <div className="value">{share(c.shareFollowedUpWithin5)}</div>
            <div className="small">
              {t("publicResults.complaints.of", { count: formatNumber(locale, c.followUpDecided) })}
            </div>
          </div>
          <div className="kpi">
            <div className="label">{t("publicResults.complaints.median")}</div>
            <div className="value">
              {c.medianDaysToClose === null
                ? "–"
                : t("publicResults.complaints.days", { days: formatNumber(locale, c.medianDaysToClose, 1) })}
            </div>
            <div className="small">
              {t("publicResults.complaints.closed", { count: formatNumber(locale, c.closed) })}
            </div>
          </div>
        </div>
        <p className="muted small">{t("publicResults.complaints.terms")}</p>
      </section>

      <section aria-labelledby="forum-actions-title">
        <h2 id="forum-actions-title">{t("publicResults.forum.title")}</h2>
        <p className="muted small">{t(`publicResults.forum.scope.${scope}`)}</p>
        {forum.total === 0 ? (
          <p className="notice">{t("publicResults.forum.none")}</p>
        ) : (
          <>
            <p>
              <strong>
                {t("publicResults.forum.progress", {
                  done: formatNumber(locale, forum.done),
                  total: formatNumber(locale, forum.total),
                })}
              </strong>
            </p>
            <ul style={{ listStyle: "none", padding: 0 }}>
              {forum.actions.slice(0, 10).map((action) => (
                <li key={action.id} className="card">
                  <a href={`/forum/${action.forumId}`}>{action.description}</a>
                  <div className="small muted">
                    {t(`forums.status.${action.status}`)} ·{" "}
                    {t("publicResults.forum.due", { date: formatDay(locale, action.dueOn) })}
                    {action.late ? ` · ${t("publicResults.forum.late")}` : ""}
                  </div>
                  {action.lastNote ? <div className="small">{action.lastNote}</div> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

/** The trend as a table alone, when no month has enough surveys to draw. */
function TrendTable({ trend, caption }: { trend: Results["trend"]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption className="small muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col" className="num">
              {t("publicResults.trend.value")}
            </th>
          </tr>
        </thead>
        <tbody>
          {trend.map((point) => (
            <tr key={point.month}>
              <th scope="row">{formatMonth(locale, `${point.month}-15`)}</th>
              <td className="num">
                {point.ikm === null
                  ? t("publicResults.trend.withheld", { count: formatNumber(locale, point.respondents) })
                  : formatNumber(locale, point.ikm, 2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
