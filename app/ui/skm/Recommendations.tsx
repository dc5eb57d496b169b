import { Form } from "@remix-run/react";
import type { Recommendation } from "~/data/skm-recommendations.server";
import { ELEMENT_CODES, type ElementCode } from "~/domain/indicators/elements";
import { isRecommendationLate, nextStatuses } from "~/domain/skm-recommendations";
import { formatDay } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { Evidence } from "~/ui/forums/Evidence";
import { Field } from "~/ui/Field";
import { SelectField } from "~/ui/SelectField";
import { TextAreaField } from "~/ui/TextAreaField";

// The SKM report page's recommendations: each with its element, action, who is responsible, due date, status and
// history, and a form to record the next status with a dated note; and the form to add one. Plain forms: they
// work without a script, and a refused one comes back with the error beside its field.

export interface RecommendationFormState {
  form: "add" | "status";
  recommendationId: number | null;
  errors: Record<string, string>;
  values: Record<string, string>;
}

export function RecommendationList({
  recommendations,
  today,
  state,
}: {
  recommendations: Recommendation[];
  today: string;
  timeZone: string;
  state: RecommendationFormState | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="recommendations">
      {recommendations.map((recommendation) => {
        const late = isRecommendationLate(recommendation, today);
        const mine = state?.form === "status" && state.recommendationId === recommendation.id ? state : undefined;
        const errors = mine?.errors ?? {};
        const values = mine?.values ?? {};
        const field = (name: string) => `${name}-${recommendation.id}`;
        return (
          <li key={recommendation.id} id={`rekomendasi-${recommendation.id}`} className={`card action-card${late ? " late" : ""}`}>
            <h3 className="action-what">
              {recommendation.element} · {t(`ratings.elements.${recommendation.element}.name`)}
            </h3>
            <p>{recommendation.action}</p>
            <p className="small">
              <span className={`badge status-${recommendation.status}`}>{t(`skmReport.recommendation.status.${recommendation.status}`)}</span>{" "}
              {late ? <span className="badge danger">{t("skmReport.recommendation.late")}</span> : null} {t("skmReport.recommendation.due")}:{" "}
              {formatDay(locale, recommendation.dueOn)} · {t("skmReport.recommendation.responsible")}: {recommendation.responsible}
              {recommendation.service ? ` · ${t("skmReport.recommendation.service")}: ${recommendation.service.name}` : ""}
            </p>
            {recommendation.updates.length > 0 ? (
              <ol className="small history">
                {recommendation.updates.map((update) => (
                  <li key={update.id}>
                    {formatDay(locale, update.notedOn)} · {t(`skmReport.recommendation.status.${update.statusTo}`)} · {update.note}
                    {update.evidence ? <Evidence evidence={update.evidence} label={t("skmReport.recommendation.evidence")} /> : null}
                  </li>
                ))}
              </ol>
            ) : null}
            <details open={mine !== undefined}>
              <summary className="small">{t("skmReport.recommendation.changeStatus")}</summary>
              <Form method="post" noValidate preventScrollReset>
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="recommendationId" value={recommendation.id} />
                <div className="inline-fields">
                  <SelectField
                    id={field("status")}
                    name="status"
                    label={t("skmReport.recommendation.newStatus")}
                    error={errors.status}
                    defaultValue={values.status ?? nextStatuses(recommendation.status)[0]}
                    options={nextStatuses(recommendation.status).map((status) => ({
                      value: status,
                      label: t(status === recommendation.status ? "skmReport.recommendation.progressNote" : `skmReport.recommendation.status.${status}`),
                    }))}
                  />
                  <Field
                    id={field("notedOn")}
                    name="notedOn"
                    type="date"
                    max={today}
                    label={t("skmReport.recommendation.notedOn")}
                    error={errors.notedOn}
                    defaultValue={values.notedOn ?? today}
                  />
                </div>
                <TextAreaField
                  id={field("note")}
                  name="note"
                  rows={2}
                  maxLength={1000}
                  label={t("skmReport.recommendation.note")}
                  hint={t("skmReport.recommendation.noteHint")}
                  error={errors.note}
                  defaultValue={values.note ?? ""}
                />
                <Field
                  id={field("evidence")}
                  name="evidence"
                  maxLength={500}
                  label={t("skmReport.recommendation.evidenceField")}
                  hint={t("skmReport.recommendation.evidenceHint")}
                  error={errors.evidence}
                  defaultValue={values.evidence ?? ""}
                />
                <button type="submit" className="small-button">
                  {t("skmReport.recommendation.saveStatus")}
                </button>
              </Form>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

export function NewRecommendationForm({
  services,
  lowest,
  periodFrom,
  state,
}: {
  services: { id: number; name: string }[];
  lowest: ElementCode | null;
  periodFrom: string;
  state: RecommendationFormState | undefined;
}) {
  const { t } = useTranslation();
  const mine = state?.form === "add" ? state : undefined;
  const errors = mine?.errors ?? {};
  const values = mine?.values ?? {};
  return (
    <Form method="post" noValidate className="card" aria-labelledby="new-recommendation-title">
      <h3 id="new-recommendation-title">{t("skmReport.recommendation.addTitle")}</h3>
      {mine ? (
        <p className="notice error" role="alert">
          {t("skmReport.recommendation.notSaved")}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="add" />
      <div className="inline-fields">
        <SelectField
          name="element"
          label={t("skmReport.recommendation.element")}
          hint={lowest ? t("skmReport.recommendation.elementHint", { code: lowest, name: t(`ratings.elements.${lowest}.name`) }) : undefined}
          error={errors.element}
          defaultValue={values.element ?? lowest ?? ""}
          placeholder={t("skmReport.recommendation.choose")}
          options={ELEMENT_CODES.map((code) => ({ value: code, label: `${code} · ${t(`ratings.elements.${code}.name`)}` }))}
        />
        <SelectField
          name="serviceId"
          label={t("skmReport.recommendation.serviceField")}
          error={errors.serviceId}
          defaultValue={values.serviceId ?? ""}
          placeholder={t("skmReport.recommendation.allServices")}
          options={services.map((service) => ({ value: String(service.id), label: service.name }))}
        />
      </div>
      <TextAreaField
        name="action"
        rows={3}
        maxLength={1000}
        label={t("skmReport.recommendation.action")}
        hint={t("skmReport.recommendation.actionHint")}
        error={errors.action}
        defaultValue={values.action ?? ""}
      />
      <div className="inline-fields">
        <Field
          name="responsible"
          maxLength={200}
          label={t("skmReport.recommendation.responsible")}
          hint={t("skmReport.recommendation.responsibleHint")}
          error={errors.responsible}
          defaultValue={values.responsible ?? ""}
        />
        <Field
          name="dueOn"
          type="date"
          min={periodFrom}
          label={t("skmReport.recommendation.due")}
          error={errors.dueOn}
          defaultValue={values.dueOn ?? ""}
        />
      </div>
      <button type="submit">{t("skmReport.recommendation.add")}</button>
    </Form>
  );
}
