import type { Indicators } from "~/http/open-data/schemas";
import { formatDay, formatDayRange, formatNumber } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { Evidence } from "~/ui/forums/Evidence";

// What the unit committed to in its SKM report, on the public page: for the lowest element first, then the other
// recommendations, then the previous period's with what was done. Each in plain words with its status and the
// latest dated note; nobody is named.

type Recommendations = Indicators["recommendations"];
type Item = Recommendations["items"][number];

export function Commitments({ recommendations, lowest }: { recommendations: Recommendations; lowest: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const forLowest = recommendations.items.filter((item) => item.element === lowest);
  const others = recommendations.items.filter((item) => item.element !== lowest);
  const previous = recommendations.previous;
  return (
    <div data-testid="commitments">
      {lowest ? (
        <>
          <h3>{t("publicResults.commitments.forLowest", { element: `${lowest} ${t(`ratings.elements.${lowest}.name`)}` })}</h3>
          {forLowest.length > 0 ? <CommitmentList items={forLowest} /> : <p className="notice">{t("publicResults.commitments.noneForLowest")}</p>}
        </>
      ) : null}
      {others.length > 0 ? (
        <>
          <h3>{t(lowest ? "publicResults.commitments.others" : "publicResults.commitments.all")}</h3>
          <CommitmentList items={others} />
        </>
      ) : null}
      {previous.items.length > 0 ? (
        <>
          <h3>{t("publicResults.commitments.previous", { range: formatDayRange(locale, previous.from, previous.to) })}</h3>
          <p>
            <strong>
              {t("publicResults.commitments.previousDone", {
                done: formatNumber(locale, previous.done),
                total: formatNumber(locale, previous.items.length),
              })}
            </strong>
          </p>
          <CommitmentList items={previous.items} />
        </>
      ) : null}
    </div>
  );
}

function CommitmentList({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="commitments">
      {items.map((item) => {
        const latest = item.updates.at(-1);
        const state = item.late ? "late" : item.status;
        return (
          <li key={item.id} className={`card action-card${item.late ? " late" : ""}`} data-testid="commitment">
            <p>{item.action}</p>
            <p className="small">
              <span className={`badge ${item.late ? "danger" : `status-${item.status}`}`}>{t(`publicResults.commitments.state.${state}`)}</span>{" "}
              {t(item.status === "done" ? "publicResults.commitments.wasDue" : "publicResults.commitments.due", { date: formatDay(locale, item.dueOn) })}
              {" · "}
              {item.element} {t(`ratings.elements.${item.element}.name`)}
              {item.service ? ` · ${item.service.name}` : ""}
            </p>
            {latest ? (
              <p className="small">
                {t("publicResults.commitments.latest", { date: formatDay(locale, latest.on) })} {latest.note}
                {latest.evidence ? <Evidence evidence={latest.evidence} label={t("publicResults.commitments.evidence")} /> : null}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
