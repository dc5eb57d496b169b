import { useTranslation } from "~/i18n/react";
import { ClientTexts } from "./ClientTexts";
import { CommentField, FaceScale, FormMessage, Honeypot, OfficerChoice, ServiceChoice } from "./RatingFields";

export interface CounterPageData {
  counter: { name: string; code: string; unitName: string; agencyName: string };
  services: { id: number; name: string }[];
  officers: { id: number; name: string }[];
  idempotencyKey: string;
  visitCode: string;
}

export function CounterHeader({ counter }: { counter: CounterPageData["counter"] }) {
  return (
    <header className="counter-head">
      <p className="muted small agency">{counter.agencyName}</p>
      <h1 className="unit">{counter.unitName}</h1>
      <p className="counter">{counter.name}</p>
    </header>
  );
}

/**
 * The quick rating: service, officer, one face, an optional comment. A plain form post without JavaScript; with
 * it, the page's script sends it through the offline queue (data-api) and shows messages in place.
 */
export function QuickRatingForm({ page, serverErrors, channel }: { page: CounterPageData; serverErrors?: Record<string, string>; channel: "qr" | "kiosk" }) {
  const { t } = useTranslation();
  const errors: Record<string, string | undefined> = serverErrors ?? {};
  const apiUrl = `/api/ratings/${page.counter.code}${channel === "kiosk" ? "?channel=kiosk" : ""}`;
  const action = channel === "qr" ? `/l/${page.counter.code}?index` : `/l/${page.counter.code}/kiosk`;
  const fieldErrors = Object.keys(errors).some((key) => key !== "_form");
  return (
    <>
      <form id="rating-form" method="post" action={action} className="rating-form" data-rating-form="" data-api={apiUrl} data-survey={`/l/${page.counter.code}/survei`} data-kiosk={channel === "kiosk" ? "" : undefined} noValidate>
        <input type="hidden" name="idempotencyKey" value={page.idempotencyKey} />
        <input type="hidden" name="kind" value="quick" />
        {page.visitCode ? <input type="hidden" name="visitCode" value={page.visitCode} /> : null}
        <Honeypot />
        <ServiceChoice services={page.services} error={errors.serviceId} />
        <OfficerChoice officers={page.officers} error={errors.officer} />
        <FaceScale error={errors.quickScore} />
        <CommentField error={errors.comment} collapsed />
        <FormMessage error={errors._form} focus={!fieldErrors} />
        <div className="send-status" data-queue-status="" role="status" aria-live="polite" />
        <div className="form-actions">
          <button type="submit">{t("ratings.send")}</button>
          {channel === "qr" ? (
            <button type="submit" name="intent" value="full" className="secondary" formNoValidate>
              {t("ratings.fullSurvey")}
            </button>
          ) : null}
        </div>
        {channel === "qr" ? <p className="hint">{t("ratings.fullSurveyHint")}</p> : null}
        <p className="muted small">{t("ratings.anonymous")}</p>
      </form>
      <ClientTexts />
    </>
  );
}
