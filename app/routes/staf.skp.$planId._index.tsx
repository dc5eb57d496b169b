import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { planAccess } from "~/data/skp/access.server";
import { addResult, decidePlan, removeResult, saveBehaviours, submitPlan } from "~/data/skp/commands.server";
import { developmentForPlan, planDetail, planHeader } from "~/data/skp/queries.server";
import { BERAKHLAK_VALUES } from "~/domain/berakhlak";
import { parseDecimal, planAllows, PORTAL_INDICATORS } from "~/domain/skp";
import { formatNumber } from "~/i18n/format";
import { Field } from "~/ui/Field";
import { parseForm, idField } from "~/http/forms";
import { unitIdParam } from "~/http/params";
import { NoteForm, PlanHeader, useLocale } from "~/ui/skp";
import { TextAreaField } from "~/ui/TextAreaField";
import { SelectField } from "~/ui/SelectField";
import { FormMessage } from "~/ui/FormMessage";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "SKP · Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await planAccess(db(), user, unitIdParam(params.planId));
  if (!found) throw notFound();
  const { plan, access } = found;
  const [header, detail, development] = await Promise.all([
    planHeader(db(), plan),
    planDetail(db(), plan.id),
    developmentForPlan(db(), plan),
  ]);
  return {
    header,
    returnComment: plan.returnComment,
    results: detail.results,
    behaviours: detail.behaviours,
    development,
    can: {
      edit: access.self && planAllows(plan.status, "edit"),
      editBehaviours:
        (access.self && planAllows(plan.status, "edit")) || (access.assessor && plan.status !== "approved"),
      submit: access.self && planAllows(plan.status, "submit"),
      decide: access.assessor && planAllows(plan.status, "approve"),
    },
  };
}

const text = (max: number) => z.string().trim().min(1, "form.required").max(max, "form.tooLong");

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("addResult"),
    description: text(300),
    indicator: text(300),
    target: text(30),
    unitOfMeasure: text(60),
    portalIndicator: z.enum(["", ...PORTAL_INDICATORS]),
  }),
  z.object({ intent: z.literal("removeResult"), resultId: idField() }),
  z.object({
    intent: z.literal("saveBehaviours"),
    ...Object.fromEntries(
      BERAKHLAK_VALUES.map((value) => [value, z.string().trim().max(500, "form.tooLong").default("")]),
    ),
  }),
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("return"), comment: text(1000) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const planId = unitIdParam(params.planId);
  const parsed = parseForm(actionSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors, intent: parsed.values.intent ?? "" };
  const input = parsed.data;
  if (!(await planAccess(db(), user, planId))) throw notFound();
  let result: { ok: true } | { ok: false; reason: string };
  switch (input.intent) {
    case "addResult": {
      const target = parseDecimal(input.target);
      if (target === null) return { errors: { target: "assessments.errors.notNumber" }, intent: input.intent };
      result = await addResult(db(), user, planId, {
        description: input.description,
        indicator: input.indicator,
        target,
        unitOfMeasure: input.unitOfMeasure,
        portalIndicator: input.portalIndicator === "" ? null : input.portalIndicator,
      });
      break;
    }
    case "removeResult":
      result = await removeResult(db(), user, planId, input.resultId);
      break;
    case "saveBehaviours": {
      const values = input as unknown as Record<(typeof BERAKHLAK_VALUES)[number], string>;
      result = await saveBehaviours(
        db(),
        user,
        planId,
        Object.fromEntries(BERAKHLAK_VALUES.map((value) => [value, values[value] ?? ""])) as typeof values,
      );
      break;
    }
    case "submit":
      result = await submitPlan(db(), user, planId, now());
      break;
    case "approve":
      result = await decidePlan(db(), user, planId, { action: "approve" }, now());
      break;
    case "return":
      result = await decidePlan(db(), user, planId, { action: "return", comment: input.comment }, now());
      break;
  }
  if (!result.ok) return { errors: { _form: `assessments.errors.${result.reason}` }, intent: input.intent };
  return redirect(`/staf/skp/${planId}`);
}

export default function PlanPage() {
  const { header, returnComment, results, behaviours, development, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const errorsFor = (intent: string) => (actionData?.intent === intent ? errors : {});
  return (
    <>
      <PlanHeader plan={header} current="plan" />
      {header.status === "returned" && returnComment ? (
        <div className="notice warn" role="status">
          <strong>{t("assessments.plan.returnedNotice")}</strong> {returnComment}
        </div>
      ) : null}
      {header.status === "submitted" ? <p className="notice">{t("assessments.plan.waiting")}</p> : null}
      <FormMessage error={errors._form} />

      <h2 id="results-title">{t("assessments.plan.results")}</h2>
      <p className="muted small">{t("assessments.plan.resultsHint")}</p>
      <div className="table-wrap" tabIndex={0}>
        <table aria-labelledby="results-title">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("assessments.plan.description")}</th>
              <th scope="col">{t("assessments.plan.indicator")}</th>
              <th scope="col" className="num">
                {t("assessments.plan.target")}
              </th>
              <th scope="col">{t("assessments.plan.unitOfMeasure")}</th>
              <th scope="col">{t("assessments.plan.source")}</th>
              {can.edit ? (
                <th scope="col">
                  <span className="visually-hidden">{t("assessments.plan.remove")}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {results.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  {t("assessments.plan.noResults")}
                </td>
              </tr>
            ) : null}
            {results.map((result) => (
              <tr key={result.id}>
                <td>{result.position}</td>
                <td>{result.description}</td>
                <td>{result.indicator}</td>
                <td className="num">{formatNumber(locale, result.target, Number.isInteger(result.target) ? 0 : 2)}</td>
                <td>{result.unitOfMeasure}</td>
                <td>
                  {result.portalIndicator ? (
                    <span className="badge">{t(`assessments.portalIndicator.${result.portalIndicator}`)}</span>
                  ) : (
                    t("assessments.plan.fromAchievements")
                  )}
                </td>
                {can.edit ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="removeResult" />
                      <input type="hidden" name="resultId" value={result.id} />
                      <button
                        type="submit"
                        className="secondary small-button"
                        aria-label={t("assessments.plan.removeNamed", { name: result.description })}
                      >
                        {t("assessments.plan.remove")}
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {can.edit ? (
        <Form method="post" className="card" noValidate>
          <h3>{t("assessments.plan.addResult")}</h3>
          <input type="hidden" name="intent" value="addResult" />
          <div className="skp-grid">
            <Field
              name="description"
              type="text"
              label={t("assessments.plan.description")}
              required
              error={errorsFor("addResult").description}
            />
            <Field
              name="indicator"
              type="text"
              label={t("assessments.plan.indicator")}
              required
              error={errorsFor("addResult").indicator}
            />
            <Field
              name="target"
              type="text"
              label={t("assessments.plan.target")}
              hint={t("assessments.plan.targetHint")}
              inputMode="decimal"
              required
              error={errorsFor("addResult").target}
            />
            <Field
              name="unitOfMeasure"
              type="text"
              label={t("assessments.plan.unitOfMeasure")}
              hint={t("assessments.plan.unitOfMeasureHint")}
              required
              error={errorsFor("addResult").unitOfMeasure}
            />
          </div>
          <SelectField
            name="portalIndicator"
            label={t("assessments.plan.portalIndicator")}
            hint={t("assessments.plan.portalIndicatorHint")}
            error={errorsFor("addResult").portalIndicator}
            options={[
              { value: "", label: t("assessments.plan.portalNone") },
              ...PORTAL_INDICATORS.map((key) => ({ value: key, label: t(`assessments.portalIndicator.${key}`) })),
            ]}
          />
          <div className="form-actions">
            <button type="submit">{t("assessments.plan.addResult")}</button>
          </div>
        </Form>
      ) : null}

      <h2>{t("assessments.plan.behaviours")}</h2>
      <p className="muted small">{t("assessments.plan.behavioursHint")}</p>
      {can.editBehaviours ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="saveBehaviours" />
          {behaviours.map((behaviour) => (
            <TextAreaField
              key={behaviour.value}
              name={behaviour.value}
              label={t(`assessments.values.${behaviour.value}`)}
              hint={t(`assessments.valueHints.${behaviour.value}`)}
              defaultValue={behaviour.expectation}
              rows={2}
              maxLength={500}
              error={errorsFor("saveBehaviours")[behaviour.value]}
            />
          ))}
          <div className="form-actions">
            <button type="submit">{t("assessments.plan.saveBehaviours")}</button>
          </div>
        </Form>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("assessments.plan.value")}</th>
                <th scope="col">{t("assessments.plan.expectation")}</th>
              </tr>
            </thead>
            <tbody>
              {behaviours.map((behaviour) => (
                <tr key={behaviour.value}>
                  <th scope="row">{t(`assessments.values.${behaviour.value}`)}</th>
                  <td>
                    {behaviour.expectation || <span className="muted">{t("assessments.plan.noExpectation")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {development.length > 0 ? (
        <>
          <h2>{t("assessments.plan.development")}</h2>
          <ul>
            {development.map((item) => (
              <li key={item.id}>{t(`assessments.training.topics.${item.topic}`, { defaultValue: item.topic })}</li>
            ))}
          </ul>
        </>
      ) : null}

      {can.submit ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="submit" />
          <p>{t("assessments.plan.submitHint")}</p>
          <button type="submit">{t("assessments.plan.submit")}</button>
        </Form>
      ) : null}

      {can.decide ? (
        <div className="card">
          <h2>{t("assessments.plan.decideTitle")}</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="approve" />
            <button type="submit">{t("assessments.plan.approve")}</button>
          </Form>
          <NoteForm
            intent="return"
            name="comment"
            label={t("assessments.plan.returnComment")}
            hint={t("assessments.plan.returnCommentHint")}
            error={errorsFor("return").comment}
            maxLength={1000}
            submitLabel={t("assessments.plan.return")}
          />
        </div>
      ) : null}
    </>
  );
}
