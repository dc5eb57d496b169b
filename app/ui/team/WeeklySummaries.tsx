import { useTranslation } from "~/i18n/react";
import { formatDayRange, formatNumber } from "~/i18n/format";
import { useLocale } from "~/ui/skp";

// The officer's weekly summaries, assembled from the daily entries (app/domain/achievement-weeks.ts): one row per
// week of the period so far, newest first, weeks without entries included.

interface Week {
  weekStart: string;
  weekEnd: string;
  entries: number;
  daysLogged: number;
  perResult: { resultId: number; quantity: number; entries: number }[];
}

export function WeeklySummaries({ weeks, results }: { weeks: Week[]; results: { id: number; label: string; unit: string }[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (weeks.length === 0) return null;
  return (
    <>
      <h2 id="weekly-title">{t("team.weekly.title")}</h2>
      <p className="muted small">{t("team.weekly.intro")}</p>
      <div className="table-wrap" tabIndex={0}>
        <table aria-labelledby="weekly-title">
          <thead>
            <tr>
              <th scope="col">{t("team.weekly.week")}</th>
              <th scope="col" className="num">
                {t("team.weekly.entries")}
              </th>
              <th scope="col" className="num">
                {t("team.weekly.days")}
              </th>
              <th scope="col">{t("team.weekly.results")}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart} className={week.entries === 0 ? "muted" : undefined}>
                <td className="nowrap">{formatDayRange(locale, week.weekStart, week.weekEnd)}</td>
                <td className="num">{week.entries}</td>
                <td className="num">{week.daysLogged}</td>
                <td>
                  {week.perResult.length === 0
                    ? "–"
                    : week.perResult.map((line) => {
                        const result = results.find((r) => r.id === line.resultId);
                        return (
                          <div key={line.resultId}>
                            {result?.label ?? "–"}: {formatNumber(locale, line.quantity, Number.isInteger(line.quantity) ? 0 : 2)} {result?.unit ?? ""}
                          </div>
                        );
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
