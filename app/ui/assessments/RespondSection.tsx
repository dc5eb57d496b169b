// The officer's answer to a final assessment: acknowledge it, or object within the window (PermenPANRB 6/2022).
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDate } from "~/i18n/format";
import { NoteForm, useLocale } from "~/ui/skp";

export function RespondSection({
  window,
  timeZone,
  error,
  value,
}: {
  window: { open: boolean; closesAt: Date | string };
  timeZone: string;
  error?: string;
  value?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="respond-title">
      <h2 id="respond-title">{t("assessments.assessment.respondTitle")}</h2>
      <p>
        {window.open
          ? t("assessments.assessment.objectHint", { date: formatDate(locale, window.closesAt, timeZone) })
          : t("assessments.assessment.windowPassed")}
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="acknowledge" />
        <button type="submit">{t("assessments.assessment.acknowledge")}</button>
      </Form>
      {window.open ? (
        <NoteForm
          intent="object"
          name="reason"
          label={t("assessments.assessment.objectReason")}
          hint={t("assessments.assessment.objectReasonHint")}
          error={error}
          defaultValue={value}
          maxLength={2000}
          submitLabel={t("assessments.assessment.object")}
        />
      ) : null}
    </section>
  );
}
