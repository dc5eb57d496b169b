import { useTranslation } from "~/i18n/react";
import { CommentField, FaceScale, Honeypot, OfficerChoice, ServiceChoice } from "./RatingFields";
import { useOfflineSubmit } from "./useOfflineSubmit";

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
      <p className="muted small">{counter.agencyName}</p>
      <h1 className="unit">{counter.unitName}</h1>
      <p className="counter">{counter.name}</p>
    </header>
  );
}

/** The quick rating: service, officer, one face, an optional comment. */
export function QuickRatingForm({
  page,
  serverErrors,
  channel,
}: {
  page: CounterPageData;
  serverErrors?: Record<string, string>;
  channel: "qr" | "kiosk";
}) {
  const { t } = useTranslation();
  const apiUrl = `/api/ratings/${page.counter.code}${channel === "kiosk" ? "?channel=kiosk" : ""}`;
  const { state, waiting, onSubmit } = useOfflineSubmit(apiUrl);
  const errors: Record<string, string | undefined> = state.kind === "refused" ? state.errors : (serverErrors ?? {});
  return (
    <>
      <p className="muted small">{t("ratings.anonymous")}</p>
      <div aria-live="polite" className="send-status">
        {state.kind === "saved_offline" ? <p className="notice warn">{t("ratings.offline.savedOffline")}</p> : null}
        {waiting > 0 && state.kind !== "saved_offline" ? <p className="notice warn">{t("ratings.offline.waiting", { count: waiting })}</p> : null}
        {state.kind === "flushed" && waiting === 0 ? <p className="notice ok">{t("ratings.offline.sent")}</p> : null}
      </div>
      {errors._form ? (
        <p className="notice error" role="alert">
          {t(errors._form)}
        </p>
      ) : null}
      <form method="post" action={channel === "qr" ? "?index" : undefined} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="idempotencyKey" defaultValue={page.idempotencyKey} />
        <input type="hidden" name="kind" value="quick" />
        {page.visitCode ? <input type="hidden" name="visitCode" value={page.visitCode} /> : null}
        <Honeypot />
        <ServiceChoice services={page.services} error={errors.serviceId} />
        <OfficerChoice officers={page.officers} error={errors.officer} />
        <FaceScale error={errors.quickScore} />
        <CommentField error={errors.comment} />
        <div className="form-actions">
          <button type="submit" disabled={state.kind === "sending"}>
            {state.kind === "sending" ? t("ratings.offline.sending") : t("ratings.send")}
          </button>
          {channel === "qr" ? (
            <button type="submit" name="intent" value="full" className="secondary" formNoValidate>
              {t("ratings.fullSurvey")}
            </button>
          ) : null}
        </div>
        {channel === "qr" ? <p className="hint">{t("ratings.fullSurveyHint")}</p> : null}
      </form>
    </>
  );
}
