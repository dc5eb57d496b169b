// The evidence pack beside an assessment: the live one before finalising, the frozen one of each version, and
// the officer's open contests that could still change it.
import type { TFunction } from "~/i18n/react";
import { useTranslation } from "~/i18n/react";
import type { EvidencePack } from "~/data/assessments/evidence.server";
import type { OpenContest, Sourced } from "~/data/assessment-sources.server";
import type { Suggestion } from "~/domain/skp-assessment";
import type { Locale } from "~/i18n/config";
import { formatDate, formatNumber, formatPercent } from "~/i18n/format";
import { useLocale } from "~/ui/skp";

export function suggestionText(
  t: TFunction,
  locale: Locale,
  suggestion: Suggestion,
  kind: "hasilKerja" | "perilaku",
): string {
  if (suggestion.kind === "none") return t(`assessments.assessment.suggestsNone.${kind}`);
  if (kind === "hasilKerja" && suggestion.basisKind === "points") {
    return t("assessments.assessment.suggestsHasilKerjaScores", {
      rating: t(`assessments.rating.${suggestion.rating}`),
      count: suggestion.count,
    });
  }
  const scores = suggestion.scores?.length ?? 0;
  return kind === "hasilKerja"
    ? t("assessments.assessment.suggestsHasilKerja", {
        rating: t(`assessments.rating.${suggestion.rating}`),
        share: formatPercent(locale, suggestion.basis),
        count: suggestion.quantityCount ?? suggestion.count,
      }) + (scores > 0 ? ` ${t("assessments.assessment.suggestsWithScores", { count: scores })}` : "")
    : t("assessments.assessment.suggestsPerilaku", {
        rating: t(`assessments.rating.${suggestion.rating}`),
        average: formatNumber(locale, suggestion.basis, 2),
        count: suggestion.count,
      });
}

export function EvidenceView({ pack }: { pack: EvidencePack }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const service = pack.service;
  return (
    <>
      <h3>{t("assessments.assessment.service")}</h3>
      {!service.available ? (
        <p className="muted">{t("assessments.assessment.notAvailable")}</p>
      ) : (
        <dl className="facts">
          <dt>{t("assessments.assessment.serviceScore")}</dt>
          <dd>
            {service.value.score.kind === "scored"
              ? t("assessments.assessment.scoreWithInterval", {
                  score: formatNumber(locale, service.value.score.shrunk, 2),
                  lower: formatNumber(locale, service.value.score.interval.lower, 2),
                  upper: formatNumber(locale, service.value.score.interval.upper, 2),
                })
              : t("assessments.assessment.insufficient", {
                  n: service.value.score.n,
                  minimum: service.value.score.minimum,
                })}
          </dd>
          <dt>{t("assessments.assessment.ratingCount")}</dt>
          <dd>{formatNumber(locale, service.value.ratingCount)}</dd>
          <dt>{t("assessments.assessment.verifiedShare")}</dt>
          <dd>{service.value.verifiedShare === null ? "–" : formatPercent(locale, service.value.verifiedShare)}</dd>
          <dt>{t("assessments.assessment.comments")}</dt>
          <dd>{formatNumber(locale, service.value.comments)}</dd>
          {pack.elements?.available ? (
            <>
              <dt>{t("assessments.assessment.elements")}</dt>
              <dd>
                {pack.elements.value.length === 0
                  ? t("assessments.assessment.elementsTooFew")
                  : pack.elements.value
                      .map((element) =>
                        t(`assessments.assessment.element.${element.code}`, {
                          nrr: formatNumber(locale, element.nrr, 2),
                          n: element.n,
                        }),
                      )
                      .join(" · ")}
              </dd>
            </>
          ) : null}
        </dl>
      )}
      <h3>{t("assessments.assessment.complaints")}</h3>
      {!pack.complaints.available ? (
        <p className="muted">{t("assessments.assessment.complaintsNotAvailable")}</p>
      ) : pack.complaints.value.length === 0 ? (
        <p className="muted">{t("assessments.assessment.noComplaints")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("assessments.assessment.complaint")}</th>
                <th scope="col">{t("assessments.assessment.officerReply")}</th>
              </tr>
            </thead>
            <tbody>
              {pack.complaints.value.map((complaint) => (
                <tr key={complaint.id}>
                  <td>
                    <strong>{complaint.trackingCode}</strong> {complaint.body}
                  </td>
                  <td>
                    {complaint.replies.length === 0 ? "–" : complaint.replies.map((reply) => reply.text).join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id="results-evidence">{t("assessments.assessment.resultsTable")}</h3>
      <div className="table-wrap" tabIndex={0}>
        <table aria-labelledby="results-evidence">
          <thead>
            <tr>
              <th scope="col">{t("assessments.plan.indicator")}</th>
              <th scope="col" className="num">
                {t("assessments.plan.target")}
              </th>
              <th scope="col" className="num">
                {t("assessments.assessment.realisation")}
              </th>
              <th scope="col" className="num">
                {t("assessments.assessment.share")}
              </th>
              <th scope="col" className="num">
                {t("assessments.assessment.achievementsCount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {pack.results.map((result) => (
              <tr key={result.id}>
                <td>
                  {result.indicator}
                  {result.portalIndicator ? (
                    <span className="badge skp-inline-badge">{t("assessments.assessment.portal")}</span>
                  ) : null}
                </td>
                <td className="num">
                  {formatNumber(locale, result.target, Number.isInteger(result.target) ? 0 : 2)} {result.unitOfMeasure}
                </td>
                <td className="num">
                  {result.realisation === null
                    ? t("assessments.assessment.unknown")
                    : formatNumber(locale, result.realisation, Number.isInteger(result.realisation) ? 0 : 2)}
                </td>
                <td className="num">
                  {result.scoreRating
                    ? t("assessments.assessment.scoreRated", { rating: t(`assessments.rating.${result.scoreRating}`) })
                    : result.share === null
                      ? "–"
                      : formatPercent(locale, result.share)}
                </td>
                <td className="num">{result.achievements}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {t("assessments.assessment.achievementsSummary", {
          count: pack.achievements.count,
          withFile: pack.achievements.withFile,
          notes: pack.feedbackNotes,
        })}
      </p>
      <h3 id="behaviour-evidence">{t("assessments.assessment.behaviourTable")}</h3>
      <div className="table-wrap" tabIndex={0}>
        <table aria-labelledby="behaviour-evidence">
          <thead>
            <tr>
              <th scope="col">{t("assessments.plan.value")}</th>
              <th scope="col">{t("assessments.reviews.kind.self")}</th>
              <th scope="col">{t("assessments.reviews.kind.peer")}</th>
              <th scope="col">{t("assessments.reviews.kind.supervisor")}</th>
              <th scope="col" className="num">
                {t("assessments.assessment.average")}
              </th>
            </tr>
          </thead>
          <tbody>
            {pack.behaviours.map((behaviour) => (
              <tr key={behaviour.value}>
                <th scope="row">{t(`assessments.values.${behaviour.value}`)}</th>
                <td>{behaviour.self ? t(`assessments.rating.${behaviour.self}`) : "–"}</td>
                <td>
                  {behaviour.peers.length === 0
                    ? "–"
                    : behaviour.peers.map((rating) => t(`assessments.rating.${rating}`)).join("; ")}
                </td>
                <td>{behaviour.supervisor ? t(`assessments.rating.${behaviour.supervisor}`) : "–"}</td>
                <td className="num">{behaviour.average === null ? "–" : formatNumber(locale, behaviour.average, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {t("assessments.assessment.reviewersSummary", {
          self: pack.reviewers.self ? t("assessments.assessment.yes") : t("assessments.assessment.no"),
          supervisor: pack.reviewers.supervisor ? t("assessments.assessment.yes") : t("assessments.assessment.no"),
          peers: pack.reviewers.peers,
          chosen: pack.reviewers.peersChosen,
        })}
      </p>
      <h3>{t("assessments.assessment.suggestion")}</h3>
      <ul>
        <li>{suggestionText(t, locale, pack.suggestions.hasilKerja, "hasilKerja")}</li>
        <li>{suggestionText(t, locale, pack.suggestions.perilaku, "perilaku")}</li>
      </ul>
    </>
  );
}

export function ContestsView({ contests }: { contests: Sourced<OpenContest[]> | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h3>{t("assessments.assessment.contests")}</h3>
      {contests && !contests.available ? (
        <p className="muted">{t("assessments.assessment.contestsNotAvailable")}</p>
      ) : contests && contests.available && contests.value.length > 0 ? (
        <div className="notice warn" role="status">
          <p>{t("assessments.assessment.contestsOpen", { count: contests.value.length })}</p>
          <ul>
            {contests.value.map((contest) => (
              <li key={contest.id}>
                {formatDate(locale, contest.createdAt)}: {contest.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">{t("assessments.assessment.noContests")}</p>
      )}
    </>
  );
}
