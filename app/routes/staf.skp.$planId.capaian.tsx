import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { planAccess } from "~/data/skp/access.server";
import { addAchievement, addFeedback } from "~/data/skp/period.server";
import { evidenceDir, planDetail, planHeader } from "~/data/skp/queries.server";
import { parseDecimal } from "~/domain/skp";
import { weeklySummaries } from "~/domain/achievement-weeks";
import { MAX_EVIDENCE_BYTES } from "~/domain/skp-evidence";
import { isIsoDate, localDateOf } from "~/domain/working-days";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { Field } from "~/ui/Field";
import { parseForm, idField } from "~/http/forms";
import { unitIdParam } from "~/http/params";
import { isoDateLabel, PlanHeader, useLocale } from "~/ui/skp";
import { TextAreaField } from "~/ui/TextAreaField";
import { SelectField } from "~/ui/SelectField";
import { FormMessage } from "~/ui/FormMessage";
import { readForm } from "~/http/form-body.server";
import { WeeklySummaries } from "~/ui/team/WeeklySummaries";

export const meta: MetaFunction = () => [{ title: "Capaian SKP · Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await planAccess(db(), user, unitIdParam(params.planId));
  if (!found) throw notFound();
  const { plan, access } = found;
  const [header, detail] = await Promise.all([planHeader(db(), plan), planDetail(db(), plan.id)]);
  const today = localDateOf(now(), header.timeZone);
  return {
    header,
    results: detail.results.map((r) => ({
      id: r.id,
      label: `${r.position}. ${r.indicator}`,
      unit: r.unitOfMeasure,
      portal: r.portalIndicator !== null,
    })),
    weeks: weeklySummaries(detail.achievements, { start: plan.periodStart, end: plan.periodEnd }, today),
    achievements: detail.achievements,
    feedback: detail.feedback,
    defaultDate: today < plan.periodEnd ? today : plan.periodEnd,
    can: {
      log: access.self && plan.status === "approved",
      feedback: access.inChain,
      download: access.self || access.inChain,
    },
  };
}

const text = (max: number) => z.string().trim().min(1, "form.required").max(max, "form.tooLong");
const achievementSchema = z.object({
  intent: z.literal("achievement"),
  achievedOn: z.string().trim().refine(isIsoDate, "form.invalid"),
  description: text(2000),
  resultId: z.union([z.literal(""), idField()]),
  quantity: z.string().trim().max(30, "form.tooLong").default(""),
});
const feedbackSchema = z.object({
  intent: z.literal("feedback"),
  body: text(2000),
  achievementId: z.union([z.literal(""), idField()]),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const planId = unitIdParam(params.planId);
  let form: FormData;
  try {
    form = await readForm(request,
          unstable_createMemoryUploadHandler({ maxPartSize: MAX_EVIDENCE_BYTES }),
        );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return { errors: { evidence: "assessments.errors.evidenceTooLarge" }, intent: "achievement" };
    throw error;
  }
  const intent = form.get("intent");
  if (intent === "feedback") {
    const parsed = parseForm(feedbackSchema, form);
    if (!parsed.ok) return { errors: parsed.errors, intent };
    if (!(await planAccess(db(), user, planId))) throw notFound();
    const result = await addFeedback(db(), user, planId, {
      body: parsed.data.body,
      achievementId: parsed.data.achievementId === "" ? null : parsed.data.achievementId,
    }, now());
    if (!result.ok) return { errors: { _form: `assessments.errors.${result.reason}` }, intent };
    return redirect(`/staf/skp/${planId}/capaian`);
  }
  const parsed = parseForm(achievementSchema, form);
  if (!parsed.ok) return { errors: parsed.errors, intent: "achievement" };
  const quantity = parsed.data.quantity === "" ? null : parseDecimal(parsed.data.quantity);
  if (parsed.data.quantity !== "" && quantity === null)
    return { errors: { quantity: "assessments.errors.notNumber" }, intent: "achievement" };
  const found = await planAccess(db(), user, planId);
  if (!found) throw notFound();
  const file = form.get("evidence");
  const upload =
    file instanceof File && file.size > 0
      ? { name: file.name, content: new Uint8Array(await file.arrayBuffer()) }
      : null;
  const result = await addAchievement(
    db(),
    user,
    planId,
    {
      achievedOn: parsed.data.achievedOn,
      description: parsed.data.description,
      resultId: parsed.data.resultId === "" ? null : parsed.data.resultId,
      quantity,
      file: upload,
    },
    { now: now(), timeZone: (await planHeader(db(), found.plan)).timeZone, evidenceDir: evidenceDir() },
  );
  if (!result.ok) {
    const field = result.reason.startsWith("evidence")
      ? "evidence"
      : result.reason === "outsidePeriod" || result.reason === "futureDate" || result.reason === "tooOld"
        ? "achievedOn"
        : "_form";
    return { errors: { [field]: `assessments.errors.${result.reason}` }, intent: "achievement" };
  }
  return redirect(`/staf/skp/${planId}/capaian`);
}

export default function AchievementsPage() {
  const { header, results, weeks, achievements, feedback, defaultDate, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const errorsFor = (intent: string) => (actionData?.intent === intent ? errors : {});
  const general = feedback.filter((note) => note.achievementId === null);
  return (
    <>
      <PlanHeader plan={header} current="achievements" />
      <p className="muted small">{t("assessments.achievements.intro")}</p>
      <FormMessage error={errors._form} />
      {header.status !== "approved" ? <p className="notice">{t("assessments.achievements.notApproved")}</p> : null}

      {can.log ? (
        <Form method="post" encType="multipart/form-data" className="card" noValidate>
          <h2>{t("assessments.achievements.log")}</h2>
          <input type="hidden" name="intent" value="achievement" />
          <div className="skp-grid">
            <Field
              name="achievedOn"
              type="date"
              label={t("assessments.achievements.date")}
              defaultValue={defaultDate}
              required
              error={errorsFor("achievement").achievedOn}
            />
            <SelectField
              name="resultId"
              label={t("assessments.achievements.result")}
              options={[
                { value: "", label: t("assessments.achievements.resultNone") },
                ...results.filter((r) => !r.portal).map((r) => ({ value: String(r.id), label: r.label })),
              ]}
              error={errorsFor("achievement").resultId}
            />
            <Field
              name="quantity"
              type="text"
              label={t("assessments.achievements.quantity")}
              hint={t("assessments.achievements.quantityHint")}
              inputMode="decimal"
              error={errorsFor("achievement").quantity}
            />
          </div>
          <TextAreaField
            name="description"
            label={t("assessments.achievements.text")}
            required
            maxLength={2000}
            error={errorsFor("achievement").description}
          />
          <Field
            name="evidence"
            type="file"
            accept="image/jpeg,image/png,application/pdf"
            label={t("assessments.achievements.file")}
            hint={t("assessments.achievements.fileHint")}
            error={errorsFor("achievement").evidence}
          />
          <div className="form-actions">
            <button type="submit">{t("assessments.achievements.add")}</button>
          </div>
        </Form>
      ) : null}

      <WeeklySummaries weeks={weeks} results={results} />

      <h2 id="log-title">{t("assessments.achievements.title", { count: achievements.length })}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table aria-labelledby="log-title">
          <thead>
            <tr>
              <th scope="col">{t("assessments.achievements.date")}</th>
              <th scope="col">{t("assessments.achievements.text")}</th>
              <th scope="col">{t("assessments.achievements.result")}</th>
              <th scope="col" className="num">
                {t("assessments.achievements.quantity")}
              </th>
              <th scope="col">{t("assessments.achievements.evidence")}</th>
              <th scope="col">{t("assessments.achievements.feedback")}</th>
              <th scope="col">{t("team.writtenColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {achievements.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  {t("assessments.achievements.none")}
                </td>
              </tr>
            ) : null}
            {achievements.map((achievement) => (
              <tr key={achievement.id}>
                <td className="nowrap">{isoDateLabel(locale, achievement.achievedOn)}</td>
                <td>{achievement.description}</td>
                <td>{achievement.resultIndicator ?? "–"}</td>
                <td className="num">
                  {achievement.quantity === null
                    ? "–"
                    : formatNumber(locale, achievement.quantity, Number.isInteger(achievement.quantity) ? 0 : 2)}
                </td>
                <td>
                  {achievement.evidenceName && can.download ? (
                    <a href={`/staf/skp/bukti/${achievement.id}`}>{achievement.evidenceName}</a>
                  ) : (
                    (achievement.evidenceName ?? "–")
                  )}
                </td>
                <td>
                  {feedback
                    .filter((note) => note.achievementId === achievement.id)
                    .map((note) => (
                      <p key={note.id} className="small skp-note">
                        <strong>{note.author}:</strong> {note.body}
                      </p>
                    ))}
                </td>
                <td className="nowrap small">{formatDateTime(locale, achievement.createdAt, header.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("assessments.achievements.feedbackTitle")}</h2>
      {general.length === 0 ? <p className="muted">{t("assessments.achievements.noFeedback")}</p> : null}
      <ul className="skp-notes">
        {general.map((note) => (
          <li key={note.id}>
            <span className="muted small">
              {note.author} · {formatDateTime(locale, note.createdAt)}
            </span>
            <p>{note.body}</p>
          </li>
        ))}
      </ul>
      {can.feedback ? (
        <Form method="post" className="card" noValidate>
          <h3>{t("assessments.achievements.feedbackAdd")}</h3>
          <input type="hidden" name="intent" value="feedback" />
          <SelectField
            name="achievementId"
            label={t("assessments.achievements.feedbackFor")}
            options={[
              { value: "", label: t("assessments.achievements.feedbackGeneral") },
              ...achievements.map((a) => ({
                value: String(a.id),
                label: `${isoDateLabel(locale, a.achievedOn)} · ${a.description.slice(0, 60)}`,
              })),
            ]}
          />
          <TextAreaField
            name="body"
            label={t("assessments.achievements.feedbackBody")}
            required
            maxLength={2000}
            error={errorsFor("feedback").body}
          />
          <div className="form-actions">
            <button type="submit">{t("assessments.achievements.feedbackSubmit")}</button>
          </div>
        </Form>
      ) : null}
    </>
  );
}
