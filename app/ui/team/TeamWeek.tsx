import { Form, Link } from "@remix-run/react";
import { daysOfWeek } from "~/domain/achievement-weeks";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, formatNumber, formatPercent } from "~/i18n/format";
import type { Locale } from "~/i18n/config";
import { isoDateLabel, periodLabel, useLocale } from "~/ui/skp";

// The team view's pieces: the week at a glance (one row per direct report, one column per day) and each report's
// card (results moving toward their targets, the latest entries with when they were written, a feedback form).

interface MemberWeek {
  officerId: number;
  name: string;
  position: string | null;
  state: "noPlan" | "nothingLogged" | "logged";
  week: { entries: number; daysLogged: number; perDay: { day: string; entries: number }[] };
  plans: {
    planId: number;
    periodKind: string;
    periodStart: string;
    periodEnd: string;
    results: { resultId: number; indicator: string; target: number; unitOfMeasure: string; realised: number; share: number | null; thisWeek: number }[];
  }[];
  latest: { id: number; planId: number; achievedOn: string; description: string; quantity: number | null; resultIndicator: string | null; createdAt: Date | string }[];
  feedbackThisWeek: number;
}

/** Reports with neither an approved plan this week nor any entry get a table row only. */
export function hasCard(member: Pick<MemberWeek, "plans" | "latest">): boolean {
  return member.plans.length > 0 || member.latest.length > 0;
}

const STATE_TONE = { noPlan: "", nothingLogged: "warn", logged: "ok" } as const;

function quantity(locale: Locale, value: number): string {
  return formatNumber(locale, value, Number.isInteger(value) ? 0 : 2);
}

function weekdayLabel(locale: Locale, day: string): string {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { weekday: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

export function TeamWeekTable({ members, weekStart, today }: { members: MemberWeek[]; weekStart: string; today: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const days = daysOfWeek(weekStart);
  return (
    <div className="table-wrap" tabIndex={0}>
      <table aria-labelledby="team-week-title">
        <caption id="team-week-title">{t("team.glance")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("team.officer")}</th>
            {days.map((day) => (
              <th scope="col" className="num" key={day}>
                {weekdayLabel(locale, day)}
              </th>
            ))}
            <th scope="col" className="num">
              {t("team.entries")}
            </th>
            <th scope="col">{t("team.state")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.officerId} data-officer={member.officerId}>
              <th scope="row">
                {hasCard(member) ? <a href={`#anggota-${member.officerId}`}>{member.name}</a> : member.name}
              </th>
              {member.week.perDay.map((day) => (
                <td className="num" key={day.day}>
                  {day.day > today ? "" : day.entries === 0 ? <span className="muted">0</span> : <strong>{day.entries}</strong>}
                </td>
              ))}
              <td className="num">{member.week.entries}</td>
              <td>
                <span className={`badge ${STATE_TONE[member.state]}`}>{t(`team.states.${member.state}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TeamMemberCard({
  member,
  timeZone,
  weekStart,
  errors,
}: {
  member: MemberWeek;
  timeZone: string;
  weekStart: string;
  errors?: Record<string, string | undefined> | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const plan = member.plans[member.plans.length - 1];
  return (
    <section className="card" id={`anggota-${member.officerId}`} aria-labelledby={`anggota-${member.officerId}-title`}>
      <h2 id={`anggota-${member.officerId}-title`}>{member.name}</h2>
      {member.position ? <p className="muted small">{member.position}</p> : null}
      {member.plans.length === 0 ? <p className="muted">{t("team.noPlan")}</p> : null}
      {member.plans.map((planWeek) => (
        <div className="table-wrap" tabIndex={0} key={planWeek.planId}>
          <table>
            <caption>
              <Link to={`/staf/skp/${planWeek.planId}/capaian`}>{periodLabel(t, locale, planWeek.periodKind, planWeek.periodStart)}</Link>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("team.result")}</th>
                <th scope="col" className="num">
                  {t("team.thisWeekQuantity")}
                </th>
                <th scope="col" className="num">
                  {t("team.toDate")}
                </th>
                <th scope="col" className="num">
                  {t("team.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {planWeek.results.length === 0 ? (
                <tr>
                  <td colSpan={4} className="muted">
                    {t("team.noLoggedResults")}
                  </td>
                </tr>
              ) : null}
              {planWeek.results.map((result) => (
                <tr key={result.resultId}>
                  <td>{result.indicator}</td>
                  <td className="num">{quantity(locale, result.thisWeek)}</td>
                  <td className="num nowrap">
                    {t("team.ofTarget", { realised: quantity(locale, result.realised), target: quantity(locale, result.target), unit: result.unitOfMeasure })}
                  </td>
                  <td className="num">{result.share === null ? "–" : formatPercent(locale, result.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h3>{t("team.latest")}</h3>
      {member.latest.length === 0 ? <p className="muted">{t("team.noEntries")}</p> : null}
      <ul className="skp-notes">
        {member.latest.map((entry) => (
          <li key={entry.id}>
            <span className="muted small">
              {isoDateLabel(locale, entry.achievedOn)}
              {entry.resultIndicator ? ` · ${entry.resultIndicator}` : ""}
              {entry.quantity === null ? "" : ` · ${quantity(locale, entry.quantity)}`} ·{" "}
              {t("team.writtenAt", { time: formatDateTime(locale, entry.createdAt, timeZone) })}
            </span>
            <p>{entry.description}</p>
          </li>
        ))}
      </ul>
      {plan ? (
        // Keyed by the week's count of notes, so a sent note leaves an empty field behind.
        <Form method="post" noValidate key={member.feedbackThisWeek}>
          <input type="hidden" name="planId" value={plan.planId} />
          <input type="hidden" name="minggu" value={weekStart} />
          <div className="field">
            <label htmlFor={`feedback-${member.officerId}`}>{t("team.feedback", { name: member.name })}</label>
            {member.feedbackThisWeek > 0 ? (
              <span className="hint" id={`feedback-${member.officerId}-hint`}>
                {t("team.feedbackCount", { count: member.feedbackThisWeek })}
              </span>
            ) : null}
            <textarea
              id={`feedback-${member.officerId}`}
              name="body"
              rows={2}
              required
              maxLength={2000}
              aria-invalid={errors?.body ? true : undefined}
              aria-describedby={
                [member.feedbackThisWeek > 0 ? `feedback-${member.officerId}-hint` : "", errors?.body ? `feedback-${member.officerId}-error` : ""]
                  .filter(Boolean)
                  .join(" ") || undefined
              }
            />
            {errors?.body ? (
              <p className="field-error" id={`feedback-${member.officerId}-error`}>
                {t(errors.body)}
              </p>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" className="secondary">
              {t("team.sendFeedback")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
