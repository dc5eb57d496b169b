import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import {
  addDevelopment,
  amendAssessment,
  decideObjection,
  finaliseAssessment,
  previewFinalisation,
  respondToAssessment,
} from "~/data/assessments/commands.server";
import { developmentOfPlan, trainingSuggestionsFor } from "~/data/assessments/development.server";
import { evidencePack, openContestsBeforeFinalising } from "~/data/assessments/evidence.server";
import { assessmentSituation } from "~/data/assessments/state.server";
import { assessmentVersions } from "~/data/assessments/versions.server";
import { auditTrail } from "~/data/audit.server";
import { db } from "~/platform/db.server";
import { planAccess } from "~/data/skp/access.server";
import { planHeader } from "~/data/skp/queries.server";
import { RATINGS } from "~/domain/berakhlak";
import { ABOVE_EXPECTATION_SHARE, BELOW_EXPECTATION_SHARE } from "~/domain/skp-assessment";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "~/i18n/format";
import { parseForm } from "~/http/forms";
import { unitIdParam } from "~/http/params";
import { confirmationFor, type ConfirmRequest } from "~/http/confirm";
import { ConfirmStep } from "~/ui/ConfirmStep";
import type { Predikat } from "~/domain/predikat";
import { AuditTrail, NoteForm, PlanHeader, useLocale } from "~/ui/skp";
import { TextAreaField } from "~/ui/TextAreaField";
import { SelectField } from "~/ui/SelectField";
import { FormMessage } from "~/ui/FormMessage";
import { ContestsView, EvidenceView } from "~/ui/assessments/EvidenceView";
import { MatrixTable, RatingFields } from "~/ui/assessments/RatingFields";
import { EarlierVersions } from "~/ui/assessments/EarlierVersions";
import { RespondSection } from "~/ui/assessments/RespondSection";
import { readForm } from "~/http/form-body.server";
import { allowedAssessmentActions } from "~/domain/assessment-lifecycle";

export const meta: MetaFunction = () => [{ title: "Penilaian kinerja · Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await planAccess(db(), user, unitIdParam(params.planId));
  if (!found) throw notFound();
  const { plan, access } = found;
  const at = now();
  const [header, versions, situation, development, trail] = await Promise.all([
    planHeader(db(), plan),
    assessmentVersions(db(), plan.id),
    assessmentSituation(db(), user, plan, at),
    developmentOfPlan(db(), plan.id),
    auditTrail(db(), "skp_plan", plan.id),
  ]);
  const latest = versions[0];
  // The buttons ask the assessment's state machine, as the commands do.
  const can = allowedAssessmentActions(situation.state, situation.viewer);
  // The live pack: for the assessor during the period and at finalising, and as the basis of an amendment.
  const withLivePack = plan.status === "approved" && ((access.assessor && !latest) || can.amend);
  const live = withLivePack ? await evidencePack(db(), plan.id, at) : null;
  const contests = withLivePack ? await openContestsBeforeFinalising(db(), plan.officerId) : null;
  return {
    header,
    versions,
    live,
    contests,
    window: situation.objectionClosesAt ? { open: situation.state.objectionWindowOpen, closesAt: situation.objectionClosesAt } : null,
    training: latest ? trainingSuggestionsFor(latest.evidence) : [],
    development,
    trail,
    finaliseOpensOn: situation.finaliseOpensOn,
    can: {
      finalise: can.finalise,
      amend: can.amend,
      respond: can.acknowledge,
      decide: can.decide,
      develop: can.develop,
    },
  };
}

const justification = z.string().trim().max(2000, "form.tooLong").default("");
const ratings = {
  ratingHasilKerja: z.enum(RATINGS),
  ratingPerilaku: z.enum(RATINGS),
  justificationHasilKerja: justification,
  justificationPerilaku: justification,
};
const reason = z.string().trim().min(1, "form.required").max(2000, "form.tooLong");
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("finalise"), ...ratings }),
  z.object({ intent: z.literal("amend"), ...ratings, reason }),
  z.object({ intent: z.literal("acknowledge") }),
  z.object({ intent: z.literal("object"), reason }),
  z.object({
    intent: z.literal("decide"),
    outcome: z.enum(["upheld", "rejected"]),
    reason,
    ratingHasilKerja: z.enum(RATINGS),
    ratingPerilaku: z.enum(RATINGS),
  }),
  z.object({ intent: z.literal("training"), topic: z.string().regex(/^[a-z_]{3,60}$/, "form.invalid") }),
  z.object({ intent: z.literal("commend"), note: reason }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const planId = unitIdParam(params.planId);
  const form = await readForm(request);
  const submitted = Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const parsed = parseForm(actionSchema, form);
  if (!parsed.ok) return { errors: parsed.errors, values: submitted, intent: submitted.intent ?? "" };
  const input = parsed.data;
  if (!(await planAccess(db(), user, planId))) throw notFound();
  const at = now();
  let result: { ok: true } | { ok: false; reason: string; errors?: Record<string, string> };
  let confirm: { request: ConfirmRequest; predikat: Predikat } | null = null;
  switch (input.intent) {
    case "finalise": {
      // Finalising freezes the record: the first post shows the predikat it gives, only the second writes.
      const request = confirmationFor(form);
      if (request) {
        const preview = await previewFinalisation(db(), user, planId, input, at);
        result = preview;
        if (preview.ok) confirm = { request, predikat: preview.predikat };
      } else result = await finaliseAssessment(db(), user, planId, input, at);
      break;
    }
    case "amend":
      result = await amendAssessment(db(), user, planId, input, at);
      break;
    case "acknowledge":
      result = await respondToAssessment(db(), user, planId, { kind: "acknowledged" }, at);
      break;
    case "object":
      result = await respondToAssessment(db(), user, planId, { kind: "objected", reason: input.reason }, at);
      break;
    case "decide":
      result = await decideObjection(
        db(),
        user,
        planId,
        input.outcome === "upheld"
          ? {
              outcome: "upheld",
              reason: input.reason,
              ratingHasilKerja: input.ratingHasilKerja,
              ratingPerilaku: input.ratingPerilaku,
            }
          : { outcome: "rejected", reason: input.reason },
        at,
      );
      break;
    case "training":
      result = await addDevelopment(db(), user, planId, { kind: "training", topic: input.topic }, at);
      break;
    case "commend":
      result = await addDevelopment(db(), user, planId, { kind: "commendation", note: input.note }, at);
      break;
  }
  if (!result.ok) {
    const errors =
      result.reason === "invalid" && result.errors ? result.errors : { _form: `assessments.errors.${result.reason}` };
    return { errors, values: submitted, intent: input.intent };
  }
  if (confirm) return { errors: {}, values: submitted, intent: input.intent, confirm };
  return redirect(`/staf/penilaian/${planId}`);
}

export default function AssessmentPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const errorsFor = (intent: string) => (actionData?.intent === intent ? errors : {});
  const valuesFor = (intent: string) => (actionData?.intent === intent ? values : {});
  const latest = data.versions[0];
  const explanation = t("assessments.assessment.howSuggested", {
    above: formatPercent(locale, ABOVE_EXPECTATION_SHARE),
    below: formatPercent(locale, BELOW_EXPECTATION_SHARE),
  });
  return (
    <>
      <PlanHeader plan={data.header} current="assessment" />
      <FormMessage error={errors._form} />
      {data.header.status !== "approved" ? (
        <p className="notice">{t("assessments.assessment.planNotApproved")}</p>
      ) : null}

      {latest ? (
        <section aria-labelledby="result-title" className="card">
          <h2 id="result-title">{t("assessments.assessment.resultTitle", { version: latest.version })}</h2>
          <p className="skp-predikat">
            {t("assessments.assessment.predikatLabel")}: <strong>{t(`assessments.predikat.${latest.predikat}`)}</strong>
          </p>
          <dl className="facts">
            <dt>{t("assessments.assessment.ratingHasilKerja")}</dt>
            <dd>
              {t(`assessments.rating.${latest.ratingHasilKerja}`)}
              {latest.justificationHasilKerja ? (
                <span className="skp-block small">{latest.justificationHasilKerja}</span>
              ) : null}
            </dd>
            <dt>{t("assessments.assessment.ratingPerilaku")}</dt>
            <dd>
              {t(`assessments.rating.${latest.ratingPerilaku}`)}
              {latest.justificationPerilaku ? (
                <span className="skp-block small">{latest.justificationPerilaku}</span>
              ) : null}
            </dd>
            <dt>{t("assessments.assessment.finalisedBy")}</dt>
            <dd>
              {latest.finalisedBy} · {formatDateTime(locale, latest.finalisedAt)}
            </dd>
            {latest.amendmentReason ? (
              <>
                <dt>
                  {latest.finalByDecision
                    ? t("assessments.assessment.decisionReasonLabel")
                    : t("assessments.assessment.amendmentReason")}
                </dt>
                <dd>{latest.amendmentReason}</dd>
              </>
            ) : null}
            <dt>{t("assessments.assessment.response")}</dt>
            <dd>
              {latest.finalByDecision
                ? t("assessments.assessment.decisionFinal")
                : latest.responseKind === "acknowledged"
                  ? t("assessments.assessment.acknowledgedBy", {
                      name: latest.respondedBy,
                      date: formatDateTime(locale, latest.respondedAt!),
                    })
                  : latest.responseKind === "objected"
                    ? t("assessments.assessment.objectedBy", {
                        name: latest.respondedBy,
                        date: formatDateTime(locale, latest.respondedAt!),
                      })
                    : data.window?.open
                      ? t("assessments.assessment.awaitingResponse", {
                          date: formatDate(locale, data.window.closesAt, data.header.timeZone),
                        })
                      : t("assessments.assessment.windowPassed")}
              {latest.responseReason ? <span className="skp-block small">{latest.responseReason}</span> : null}
            </dd>
          </dl>
        </section>
      ) : null}

      {data.can.respond && data.window ? (
        <RespondSection
          window={data.window}
          timeZone={data.header.timeZone}
          error={errorsFor("object").reason}
          value={valuesFor("object").reason}
        />
      ) : null}

      {data.can.decide && latest ? (
        <Form method="post" className="card" noValidate>
          <h2>{t("assessments.assessment.decideTitle")}</h2>
          <p>{t("assessments.assessment.decideIntro")}</p>
          <blockquote className="skp-quote">{latest.responseReason}</blockquote>
          <input type="hidden" name="intent" value="decide" />
          <SelectField
            name="outcome"
            label={t("assessments.assessment.outcomeLabel")}
            options={[
              { value: "rejected", label: t("assessments.assessment.outcome.rejected") },
              { value: "upheld", label: t("assessments.assessment.outcome.upheld") },
            ]}
            defaultValue={valuesFor("decide").outcome}
            error={errorsFor("decide").outcome}
          />
          <div className="skp-grid">
            <SelectField
              name="ratingHasilKerja"
              label={t("assessments.assessment.decidedHasilKerja")}
              hint={t("assessments.assessment.decidedRatingsHint")}
              options={RATINGS.map((rating) => ({ value: rating, label: t(`assessments.rating.${rating}`) }))}
              defaultValue={valuesFor("decide").ratingHasilKerja ?? latest.ratingHasilKerja}
              error={errorsFor("decide").ratingHasilKerja}
            />
            <SelectField
              name="ratingPerilaku"
              label={t("assessments.assessment.decidedPerilaku")}
              hint={t("assessments.assessment.decidedRatingsHint")}
              options={RATINGS.map((rating) => ({ value: rating, label: t(`assessments.rating.${rating}`) }))}
              defaultValue={valuesFor("decide").ratingPerilaku ?? latest.ratingPerilaku}
              error={errorsFor("decide").ratingPerilaku}
            />
          </div>
          <TextAreaField
            name="reason"
            label={t("assessments.assessment.decisionReason")}
            error={errorsFor("decide").reason}
            defaultValue={valuesFor("decide").reason}
            maxLength={2000}
          />
          <div className="form-actions">
            <button type="submit">{t("assessments.assessment.decideSubmit")}</button>
          </div>
        </Form>
      ) : null}

      {data.live && !latest ? (
        <section aria-labelledby="pack-title">
          <h2 id="pack-title">{t("assessments.assessment.evidenceLive")}</h2>
          <p className="muted small">{explanation}</p>
          <ContestsView contests={data.contests} />
          <EvidenceView pack={data.live} />
        </section>
      ) : null}

      {latest ? (
        <section aria-labelledby="frozen-title">
          <h2 id="frozen-title">{t("assessments.assessment.evidenceOfVersion", { version: latest.version })}</h2>
          <p className="muted small">
            {t("assessments.assessment.evidenceFrozen", { date: formatDateTime(locale, latest.evidence.assembledAt) })}
          </p>
          <p className="muted small">{explanation}</p>
          <EvidenceView pack={latest.evidence} />
        </section>
      ) : null}

      {data.can.finalise && actionData && "confirm" in actionData && actionData.confirm ? (
        <ConfirmStep
          request={actionData.confirm.request}
          title={t("assessments.assessment.confirmFinalise.title", { name: data.header.officerName })}
          confirmLabel={t("assessments.assessment.confirmFinalise.yes")}
          cancelTo={`/staf/penilaian/${data.header.id}`}
          danger={false}
        >
          <p>
            {t("assessments.assessment.confirmFinalise.what", {
              hasilKerja: t(`assessments.rating.${values.ratingHasilKerja ?? ""}`),
              perilaku: t(`assessments.rating.${values.ratingPerilaku ?? ""}`),
              predikat: t(`assessments.predikat.${actionData.confirm.predikat}`),
            })}
          </p>
          <p className="small">{t("assessments.assessment.confirmFinalise.final")}</p>
        </ConfirmStep>
      ) : null}
      {data.finaliseOpensOn ? (
        <p className="notice">
          {t("assessments.assessment.finaliseOpensOn", { date: formatDate(locale, data.finaliseOpensOn) })}
        </p>
      ) : null}
      {data.can.finalise ? (
        <Form method="post" className="card" noValidate>
          <h2>{t("assessments.assessment.finaliseTitle")}</h2>
          <p className="muted small">{t("assessments.assessment.finaliseIntro")}</p>
          <input type="hidden" name="intent" value="finalise" />
          <RatingFields errors={errorsFor("finalise")} values={valuesFor("finalise")} />
          <MatrixTable />
          <div className="form-actions">
            <button type="submit">{t("assessments.assessment.finaliseSubmit")}</button>
          </div>
        </Form>
      ) : null}

      {data.can.amend ? (
        <details className="card skp-details" open={actionData?.intent === "amend"}>
          <summary>{t("assessments.assessment.amendTitle")}</summary>
          <Form method="post" noValidate>
            <p className="muted small">{t("assessments.assessment.amendIntro")}</p>
            {data.live ? (
              <>
                <h3>{t("assessments.assessment.evidenceLive")}</h3>
                <ContestsView contests={data.contests} />
                <EvidenceView pack={data.live} />
              </>
            ) : null}
            <input type="hidden" name="intent" value="amend" />
            <RatingFields errors={errorsFor("amend")} values={valuesFor("amend")} />
            <TextAreaField
              name="reason"
              label={t("assessments.assessment.amendReason")}
              error={errorsFor("amend").reason}
              defaultValue={valuesFor("amend").reason}
              maxLength={2000}
            />
            <div className="form-actions">
              <button type="submit">{t("assessments.assessment.amendSubmit")}</button>
            </div>
          </Form>
        </details>
      ) : null}

      {latest ? (
        <section aria-labelledby="development-title">
          <h2 id="development-title">{t("assessments.development.title")}</h2>
          {data.training.length === 0 ? <p className="muted">{t("assessments.development.noSuggestions")}</p> : null}
          {data.training.length > 0 ? (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("assessments.development.topic")}</th>
                    <th scope="col">{t("assessments.development.because")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("assessments.development.accept")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.training.map((suggestion) => {
                    const accepted = data.development.some(
                      (item) => item.kind === "training" && item.topic === suggestion.topic,
                    );
                    return (
                      <tr key={suggestion.topic}>
                        <td>{t(`assessments.training.topics.${suggestion.topic}`)}</td>
                        <td>
                          {suggestion.source === "behaviour"
                            ? t("assessments.development.becauseBehaviour", {
                                value: t(`assessments.values.${suggestion.code}`),
                                average: formatNumber(locale, suggestion.score, 2),
                              })
                            : suggestion.source === "unit"
                              ? t("assessments.development.becauseUnit", {
                                  code: suggestion.code,
                                  nrr: formatNumber(locale, suggestion.score, 2),
                                })
                              : t("assessments.development.becauseElement", {
                                code: suggestion.code,
                                nrr: formatNumber(locale, suggestion.score, 2),
                              })}
                        </td>
                        <td>
                          {accepted ? (
                            <span className="badge ok">{t("assessments.development.accepted")}</span>
                          ) : data.can.develop ? (
                            <Form method="post">
                              <input type="hidden" name="intent" value="training" />
                              <input type="hidden" name="topic" value={suggestion.topic} />
                              <button type="submit" className="secondary small-button">
                                {t("assessments.development.accept")}
                              </button>
                            </Form>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
          {data.development
            .filter((item) => item.kind === "commendation")
            .map((item) => (
              <p key={item.id} className="notice ok">
                <strong>{t("assessments.development.commendationFrom", { name: item.by })}</strong> {item.note}
              </p>
            ))}
          {data.can.develop ? (
            <NoteForm
              className="card"
              intent="commend"
              name="note"
              label={t("assessments.development.commend")}
              hint={t("assessments.development.commendHint")}
              error={errorsFor("commend").note}
              maxLength={2000}
              submitLabel={t("assessments.development.commendSubmit")}
            />
          ) : null}
        </section>
      ) : null}

      <EarlierVersions versions={data.versions.slice(1)} />

      <h2>{t("assessments.history.title")}</h2>
      <AuditTrail entries={data.trail} />
    </>
  );
}
