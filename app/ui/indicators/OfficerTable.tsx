import { Link } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";
import type { OfficerRanking, OfficerScore } from "~/domain/indicators/officer-score";
import { formatNumber, formatPercent } from "~/i18n/format";

interface OfficerRowData {
  officerId: number;
  name: string;
  score: OfficerScore;
  verifiedShare: number | null;
}

/**
 * Ranked officers first; officers with too few ratings below, unranked, never at the top or bottom. With
 * `officerHref`, each name links to that officer's page (the supervisor's drill-down).
 */
export function OfficerTable({ officers, ranking, officerHref }: { officers: OfficerRowData[]; ranking: OfficerRanking; officerHref?: (officerId: number) => string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byId = new Map(officers.map((officer) => [String(officer.officerId), officer]));
  const num = (value: number) => formatNumber(locale, value, 2);
  const nameOf = (officer: OfficerRowData) => (officerHref ? <Link to={officerHref(officer.officerId)}>{officer.name}</Link> : officer.name);
  if (officers.length === 0) return <p className="notice">{t("indicators.noOfficerRatings")}</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("indicators.rank")}
            </th>
            <th scope="col">{t("indicators.officer")}</th>
            <th scope="col" className="num">
              {t("indicators.score")}
            </th>
            <th scope="col" className="num">
              {t("indicators.rawMean")}
            </th>
            <th scope="col">{t("indicators.interval")}</th>
            <th scope="col" className="num">
              {t("indicators.ratings")}
            </th>
            <th scope="col" className="num">
              {t("indicators.verified")}
            </th>
          </tr>
        </thead>
        <tbody>
          {ranking.ranked.map((scored) => {
            const officer = byId.get(scored.officerId)!;
            return (
              <tr key={scored.officerId}>
                <td className="num">{scored.rank}</td>
                <td>{nameOf(officer)}</td>
                <td className="num">{num(scored.shrunk)}</td>
                <td className="num">{num(scored.rawMean)}</td>
                <td className="nowrap">
                  {num(scored.interval.lower)} – {num(scored.interval.upper)}
                </td>
                <td className="num">{formatNumber(locale, scored.n)}</td>
                <td className="num">{officer.verifiedShare === null ? "–" : formatPercent(locale, officer.verifiedShare)}</td>
              </tr>
            );
          })}
          {ranking.unranked.map((insufficient) => {
            const officer = byId.get(insufficient.officerId)!;
            return (
              <tr key={insufficient.officerId} className="muted">
                <td className="num">–</td>
                <td>{nameOf(officer)}</td>
                <td colSpan={3}>
                  <span className="badge warn">{t("indicators.notEnough")}</span>
                </td>
                <td className="num">{formatNumber(locale, insufficient.n)}</td>
                <td className="num">{officer.verifiedShare === null ? "–" : formatPercent(locale, officer.verifiedShare)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
