import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

export interface SummaryCardTheme {
  id: number;
  label: string;
  accepted: boolean;
  summary: string;
  citedNumbers: number[];
  items: { number: number; body: string; notReflectedReason: string | null }[];
}

export interface SummaryCardFeedback {
  /** The intent the last post had ("summary", "notReflected", "reflected"), when it was about this theme. */
  intent: string | null;
  errors: Record<string, string | undefined>;
  params: Record<string, string>;
  values: Record<string, string>;
}

/**
 * One theme's summary on the berita acara page: the summary (which must cite each of the theme's inputs), the
 * inputs it cites, and the inputs the moderator marked as not reflected, each with the reason shown publicly.
 */
export function SummaryCard({
  theme,
  draft,
  feedback,
}: {
  theme: SummaryCardTheme;
  draft: boolean;
  feedback: SummaryCardFeedback;
}) {
  const { t } = useTranslation();
  const errors = feedback.intent === "summary" ? feedback.errors : {};
  const markErrors = feedback.intent === "notReflected" ? feedback.errors : {};
  const cited = theme.items.filter((item) => theme.citedNumbers.includes(item.number));
  const notReflected = theme.items.filter((item) => item.notReflectedReason !== null);
  const markable = theme.items.filter(
    (item) => !theme.citedNumbers.includes(item.number) && item.notReflectedReason === null,
  );
  return (
    <div className="card summary-card">
      <div className="summary-edit">
        {!theme.accepted ? <p className="notice warn small">{t("forums.staff.record.notAccepted")}</p> : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="summary" />
          <input type="hidden" name="themeId" value={theme.id} />
          <label htmlFor={`summary-${theme.id}`}>{t("forums.staff.record.summary", { label: theme.label })}</label>
          <textarea
            id={`summary-${theme.id}`}
            name="summary"
            rows={4}
            readOnly={!draft}
            defaultValue={errors.summary ? (feedback.values.summary ?? theme.summary) : theme.summary}
            aria-invalid={errors.summary ? true : undefined}
            aria-describedby={errors.summary ? `summary-error-${theme.id}` : undefined}
          />
          {errors.summary ? (
            <p className="field-error" id={`summary-error-${theme.id}`} role="alert">
              {t(errors.summary, feedback.params)}
            </p>
          ) : null}
          {draft ? (
            <button type="submit" className="small-button">
              {t("forums.staff.record.saveSummary")}
            </button>
          ) : null}
        </Form>
        {notReflected.length > 0 || (draft && markable.length > 0) ? (
          <div className="not-reflected">
            <h4>{t("forums.staff.record.notReflectedTitle")}</h4>
            <p className="muted small">{t("forums.staff.record.notReflectedHint")}</p>
            {notReflected.length > 0 ? (
              <ul className="small not-reflected-list">
                {notReflected.map((item) => (
                  <li key={item.number}>
                    <span className="item-number">#{item.number}</span> {item.body} — <em>{item.notReflectedReason}</em>
                    {draft ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="reflected" />
                        <input type="hidden" name="themeId" value={theme.id} />
                        <input type="hidden" name="number" value={item.number} />
                        <button type="submit" className="link-button small">
                          {t("forums.staff.record.unmarkNotReflected", { number: item.number })}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {draft && markable.length > 0 ? (
              <Form method="post" noValidate className="inline-fields">
                <input type="hidden" name="intent" value="notReflected" />
                <input type="hidden" name="themeId" value={theme.id} />
                <div className="field">
                  <label htmlFor={`nr-number-${theme.id}`}>{t("forums.staff.record.notReflectedItem")}</label>
                  <select
                    id={`nr-number-${theme.id}`}
                    name="number"
                    required
                    defaultValue=""
                    aria-invalid={markErrors.number ? true : undefined}
                    aria-describedby={markErrors.number ? `nr-number-error-${theme.id}` : undefined}
                  >
                    <option value="">{t("forums.staff.record.chooseItem")}</option>
                    {markable.map((item) => (
                      <option key={item.number} value={item.number}>
                        #{item.number} {item.body.length > 60 ? `${item.body.slice(0, 60)}…` : item.body}
                      </option>
                    ))}
                  </select>
                  {markErrors.number ? (
                    <p className="field-error" id={`nr-number-error-${theme.id}`}>
                      {t(markErrors.number)}
                    </p>
                  ) : null}
                </div>
                <div className="field grow">
                  <label htmlFor={`nr-reason-${theme.id}`}>{t("forums.staff.record.notReflectedReason")}</label>
                  <input
                    id={`nr-reason-${theme.id}`}
                    name="reason"
                    type="text"
                    maxLength={1000}
                    defaultValue={markErrors.number || markErrors.reason ? feedback.values.reason : undefined}
                    aria-invalid={markErrors.reason ? true : undefined}
                    aria-describedby={markErrors.reason ? `nr-reason-error-${theme.id}` : undefined}
                  />
                  {markErrors.reason ? (
                    <p className="field-error" id={`nr-reason-error-${theme.id}`}>
                      {t(markErrors.reason)}
                    </p>
                  ) : null}
                </div>
                <button type="submit" className="small-button secondary">
                  {t("forums.staff.record.markNotReflected")}
                </button>
              </Form>
            ) : null}
          </div>
        ) : null}
      </div>
      <aside className="summary-sources" aria-label={t("forums.staff.record.citedItems")}>
        <h4>{t("forums.staff.record.citedItems")}</h4>
        {cited.length === 0 ? <p className="muted small">{t("forums.staff.record.noneCited")}</p> : null}
        <ul className="small">
          {cited.map((item) => (
            <li key={item.number}>
              <span className="item-number">#{item.number}</span> {item.body}
            </li>
          ))}
        </ul>
        <details>
          <summary className="small">
            {t("forums.staff.record.themeItems")} ({theme.items.length})
          </summary>
          <ul className="small">
            {theme.items.map((item) => (
              <li key={item.number}>
                <span className="item-number">#{item.number}</span> {item.body}
              </li>
            ))}
          </ul>
        </details>
      </aside>
    </div>
  );
}
