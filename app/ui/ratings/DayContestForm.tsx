import { Form } from "@remix-run/react";
import { DAY_CONTEST_REASONS } from "~/domain/ratings/contest-days";
import { useLocale, useTranslation } from "~/i18n/react";
import { formatDay, formatNumber } from "~/i18n/format";

// Contesting the ratings of a day at a counter, comment or not (app/domain/ratings/contest-days.ts). A plain post
// form: works without JavaScript.

export interface DaySlot {
  day: string;
  counterId: number;
  counterName: string;
  ratings: number;
  open: number;
}

export function DayContestForm({ slots, errors, sent }: { slots: DaySlot[]; errors: Record<string, string | undefined>; sent: number | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const choosable = slots.filter((slot) => slot.open < slot.ratings);
  return (
    <Form method="post" className="card" id="hari" noValidate>
      <h2>{t("myService.day.title")}</h2>
      <p className="muted small">{t("myService.day.hint")}</p>
      {sent !== null ? (
        <p className="notice" role="status">
          {t("myService.day.sent", { count: sent })}
        </p>
      ) : null}
      {choosable.length === 0 ? <p className="muted">{t("myService.day.none")}</p> : null}
      <input type="hidden" name="intent" value="day" />
      <div className="field">
        <label htmlFor="slot">{t("myService.day.which")}</label>
        <select id="slot" name="slot" defaultValue="" required aria-invalid={errors.slot ? true : undefined} aria-describedby={errors.slot ? "slot-error" : undefined}>
          <option value="">{t("ratings.profile.choose")}</option>
          {choosable.map((slot) => (
            <option key={`${slot.day}:${slot.counterId}`} value={`${slot.day}:${slot.counterId}`}>
              {t("myService.day.option", {
                day: formatDay(locale, slot.day),
                counter: slot.counterName,
                count: slot.ratings - slot.open,
                formatted: formatNumber(locale, slot.ratings - slot.open),
              })}
            </option>
          ))}
        </select>
        {errors.slot ? (
          <p className="field-error" id="slot-error">
            {t(errors.slot)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="dayReasonKind">{t("myService.reasonKind")}</label>
        <select id="dayReasonKind" name="reasonKind" defaultValue="" required aria-invalid={errors.reasonKind ? true : undefined} aria-describedby={errors.reasonKind ? "dayReasonKind-error" : undefined}>
          <option value="">{t("ratings.profile.choose")}</option>
          {DAY_CONTEST_REASONS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`review.contestKinds.${kind}`)}
            </option>
          ))}
        </select>
        {errors.reasonKind ? (
          <p className="field-error" id="dayReasonKind-error">
            {t(errors.reasonKind)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="dayReasonText">{t("myService.reasonText")}</label>
        <textarea id="dayReasonText" name="reasonText" maxLength={1000} aria-invalid={errors.reasonText ? true : undefined} aria-describedby={errors.reasonText ? "dayReasonText-error" : undefined} />
        {errors.reasonText ? (
          <p className="field-error" id="dayReasonText-error">
            {t(errors.reasonText)}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit">{t("myService.day.send")}</button>
      </div>
    </Form>
  );
}
