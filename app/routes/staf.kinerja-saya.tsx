import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { commendationsOf } from "~/data/assessments/development.server";
import { db } from "~/platform/db.server";
import { createPlan } from "~/data/skp/commands.server";
import { officerSummary, peerReviewRequests, plansOfOfficer } from "~/data/skp/queries.server";
import { nextPeriod, periodContaining } from "~/domain/skp";
import { localDateOf } from "~/domain/working-days";
import { formatDate } from "~/i18n/format";
import { parseForm } from "~/http/forms";
import { dateRange, periodLabel, StatusBadge, useLocale } from "~/ui/skp";
import { SelectField } from "~/ui/SelectField";
import { FormMessage } from "~/ui/FormMessage";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Kinerja saya · Suara" }];

// The officer's own page: their SKP plans and assessments, commendations and agreed training.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.officerId === null) throw notFound();
  const officer = await officerSummary(db(), user.officerId);
  const [plans, development, peerRequests] = await Promise.all([
    plansOfOfficer(db(), user.officerId),
    commendationsOf(db(), user.officerId),
    peerReviewRequests(db(), user.officerId),
  ]);
  const today = localDateOf(now(), officer.timeZone);
  const choices = (["quarterly", "monthly", "annual"] as const)
    .flatMap((kind) => {
      const current = periodContaining(kind, today);
      return [current, nextPeriod(current)];
    })
    .filter((period) => !plans.some((plan) => plan.periodKind === period.kind && plan.periodStart === period.start));
  return { officer, plans, development, choices, peerRequests };
}

const createSchema = z.object({
  period: z.string().regex(/^(monthly|quarterly|annual):\d{4}-\d{2}-\d{2}$/, "form.notInList"),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(createSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors };
  if (user.officerId === null) throw notFound();
  const [kind, start] = parsed.data.period.split(":") as ["monthly" | "quarterly" | "annual", string];
  const result = await createPlan(db(), user, { kind, start });
  if (!result.ok) return { errors: { period: `assessments.errors.${result.reason}` } };
  return redirect(`/staf/skp/${result.planId}`);
}

export default function MyPerformance() {
  const { officer, plans, development, choices, peerRequests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const commendations = development.filter((item) => item.kind === "commendation");
  const trainings = development.filter((item) => item.kind === "training");
  return (
    <>
      <p className="muted">
        {officer.position} · {officer.unitName}
      </p>
      <h1>{t("assessments.mine.title")}</h1>
      <p className="muted small">{t("assessments.mine.intro", { supervisor: officer.supervisorName ?? "–" })}</p>
      <p>
        <Link to="/staf/kinerja-saya/riwayat">{t("career.link")}</Link>
      </p>
      <FormMessage error={errors._form} />

      {commendations.map((item) => (
        <div key={item.id} className="notice ok" role="status">
          <strong>{t("assessments.development.commendationFrom", { name: item.by })}</strong>{" "}
          {item.periodKind && item.periodStart ? (
            <span className="muted small">({periodLabel(t, locale, item.periodKind, item.periodStart)})</span>
          ) : null}
          <p>{item.note}</p>
        </div>
      ))}

      {peerRequests.length > 0 ? (
        <section className="card" aria-labelledby="peer-requests">
          <h2 id="peer-requests">{t("assessments.mine.peerRequests")}</h2>
          <ul>
            {peerRequests.map((request) => (
              <li key={request.planId}>
                <Link to={`/staf/skp/${request.planId}/ulasan`}>
                  {t("assessments.mine.peerRequestLine", {
                    name: request.officerName,
                    period: periodLabel(t, locale, request.periodKind, request.periodStart),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2 id="plans-title">{t("assessments.mine.plans")}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table aria-labelledby="plans-title">
          <thead>
            <tr>
              <th scope="col">{t("assessments.plan.periodName")}</th>
              <th scope="col">{t("assessments.plan.period")}</th>
              <th scope="col">{t("assessments.plan.status")}</th>
              <th scope="col">{t("assessments.assessment.predikatLabel")}</th>
            </tr>
          </thead>
          <tbody>
            {plans.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  {t("assessments.mine.noPlans")}
                </td>
              </tr>
            ) : null}
            {plans.map((plan) => (
              <tr key={plan.id}>
                <td>
                  <Link to={`/staf/skp/${plan.id}`}>{periodLabel(t, locale, plan.periodKind, plan.periodStart)}</Link>
                </td>
                <td className="nowrap">{dateRange(locale, plan.periodStart, plan.periodEnd)}</td>
                <td>
                  <StatusBadge status={plan.status} />
                </td>
                <td>
                  {plan.predikat ? (
                    <Link to={`/staf/penilaian/${plan.id}`}>{t(`assessments.predikat.${plan.predikat}`)}</Link>
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {choices.length > 0 ? (
        <Form method="post" className="card">
          <h2>{t("assessments.mine.newPlan")}</h2>
          <SelectField
            name="period"
            label={t("assessments.mine.period")}
            hint={t("assessments.mine.periodHint")}
            error={errors.period}
            options={choices.map((period) => ({
              value: `${period.kind}:${period.start}`,
              label: `${t(`assessments.kind.${period.kind}`)}: ${periodLabel(t, locale, period.kind, period.start)}`,
            }))}
          />
          <div className="form-actions">
            <button type="submit">{t("assessments.mine.create")}</button>
          </div>
        </Form>
      ) : null}

      <h2>{t("assessments.mine.trainings")}</h2>
      {trainings.length === 0 ? (
        <p className="muted">{t("assessments.mine.noTrainings")}</p>
      ) : (
        <ul>
          {trainings.map((item) => (
            <li key={item.id}>
              {t(`assessments.training.topics.${item.topic}`, { defaultValue: item.topic })}{" "}
              <span className="muted small">
                ({item.by}, {formatDate(locale, item.createdAt)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
