import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "~/i18n/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { notFound, requireUser } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import {
  addDevelopment,
  amendAssessment,
  assessmentVersions,
  decideObjection,
  developmentOfPlan,
  evidencePack,
  finaliseAssessment,
  isObjectionDecider,
  previewFinalisation,
  openContestsBeforeFinalising,
  respondToAssessment,
  trainingSuggestionsFor,
  type EvidencePack,
} from "~/data/assessments.server";
import type { OpenContest, Sourced } from "~/data/assessment-sources.server";
import { auditTrail } from "~/data/audit.server";
import { db } from "~/platform/db.server";
import { planAccess } from "~/data/skp/access.server";
import { planHeader } from "~/data/skp/queries.server";
import { RATINGS } from "~/domain/berakhlak";
import { objectionWindow, predikatFor } from "~/domain/predikat";
import {
  ABOVE_EXPECTATION_SHARE,
  BELOW_EXPECTATION_SHARE,
  MIN_JUSTIFICATION_LENGTH,
  type Suggestion,
} from "~/domain/skp-assessment";
import type { Locale } from "~/i18n/config";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "~/i18n/format";
import { parseForm } from "~/http/forms";
import { unitIdParam } from "~/http/params";
import { confirmationFor, type ConfirmRequest } from "~/http/confirm";
import { ConfirmStep } from "~/ui/ConfirmStep";
import type { Predikat } from "~/domain/predikat";
import { AuditTrail, FormMessage, NoteForm, PlanHeader, Select, TextArea, useLocale } from "~/ui/skp";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Penilaian kinerja · Suara" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await planAccess(db(), user, unitIdParam(params.planId));
  if (!found) throw notFound();
  const { plan, access } = found;
  const at = now();
  const [header, versions, decider, development, trail] = await Promise.all([
    planHeader(db(), plan),
    assessmentVersions(db(), plan.id),
    isObjectionDecider(db(), user, plan.id),
    developmentOfPlan(db(), plan.id),
    auditTrail(db(), "skp_plan", plan.id),
  ]);
  const latest = versions[0];
  const isLatestAssessor = latest !== undefined && latest.assessorOfficerId === user.officerId;
  const pendingObjection = latest?.responseKind === "objected" && latest.decisionOutcome === null;
  const mayFinalise = access.assessor && plan.status === "approved" && latest === undefined;
  const mayAmend = isLatestAssessor && !latest.finalByDecision && !pendingObjection;
  // The live pack: before finalising, and as the basis of an amendment.
  const live = plan.status === "approved" && (mayFinalise || mayAmend) ? await evidencePack(db(), plan.id, at) : null;
  const contests = mayFinalise || mayAmend ? await openContestsBeforeFinalising(db(), plan.officerId) : null;
  const window = latest ? objectionWindow(new Date(latest.finalisedAt), at, header.timeZone) : null;
  return {
    header,
    versions,
    live,
    contests,
    window: window ? { open: window.open, closesAt: window.closesAt } : null,
    training: latest ? trainingSuggestionsFor(latest.evidence) : [],
    development,
    trail,
    can: {
      finalise: mayFinalise,
      amend: mayAmend,
      respond: access.self && latest !== undefined && latest.responseId === null && !latest.finalByDecision,
      decide: decider && pendingObjection,
      develop: isLatestAssessor,
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
      result = await addDevelopment(db(), user, planId, { kind: "training", topic: input.topic });
      break;
    case "commend":
      result = await addDevelopment(db(), user, planId, { kind: "commendation", note: input.note });
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

function suggestionText(t: TFunction, locale: Locale, suggestion: Suggestion, kind: "hasilKerja" | "perilaku"): string {
  if (suggestion.kind === "none") return t(`assessments.assessment.suggestsNone.${kind}`);
  if (kind === "hasilKerja" && suggestion.basisKind === "points") {
    return t("assessments.assessment.suggestsHasilKerjaScores", {
      rating: t(`assessments.rating.${suggestion.rating}`),
      count: suggestion.count,
    });
  }
  const scores = suggestion.scores?.length ?? 0;
  return kind === "hasilKerja"
    ? t("assessments.assessment.suggestsHasilKerja", {
        rating: t(`assessments.rating.${suggestion.rating}`),
        share: formatPercent(locale, suggestion.basis),
        count: suggestion.quantityCount ?? suggestion.count,
      }) + (scores > 0 ? ` ${t("assessments.assessment.suggestsWithScores", { count: scores })}` : "")
    : t("assessments.assessment.suggestsPerilaku", {
        rating: t(`assessments.rating.${suggestion.rating}`),
        average: formatNumber(locale, suggestion.basis, 2),
        count: suggestion.count,
      });
}

function EvidenceView({ pack }: { pack: EvidencePack }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const service = pack.service;
  return (
    <>
      <h3>{t("assessments.assessment.service")}</h3>
      {!service.available ? (
        <p className="muted">{t("assessments.assessment.notAvailable")}</p>
      ) : (
        <dl className="facts">
          <dt>{t("assessments.assessment.serviceScore")}</dt>
          <dd>
            {service.value.score.kind === "scored"
              ? t("assessments.assessment.scoreWithInterval", {
                  score: formatNumber(locale, service.value.score.shrunk, 2),
                  lower: formatNumber(locale, service.value.score.interval.lower, 2),
                  upper: formatNumber(locale, service.value.score.interval.upper, 2),
                })
              : t("assessments.assessment.insufficient", {
                  n: service.value.score.n,
                  minimum: service.value.score.minimum,
                })}
          </dd>
          <dt>{t("assessments.assessment.ratingCount")}</dt>
          <dd>{formatNumber(locale, service.value.ratingCount)}</dd>
          <dt>{t("assessments.assessment.verifiedShare")}</dt>
          <dd>{service.value.verifiedShare === null ? "–" : formatPercent(locale, service.value.verifiedShare)}</dd>
          <dt>{t("assessments.assessment.comments")}</dt>
          <dd>{formatNumber(locale, service.value.comments)}</dd>
          {pack.elements?.available ? (
            <>
              <dt>{t("assessments.assessment.elements")}</dt>
              <dd>
                {pack.elements.value.length === 0
                  ? t("assessments.assessment.elementsTooFew")
                  : pack.elements.value
                      .map((element) =>
                        t(`assessments.assessment.element.${element.code}`, {
                          nrr: formatNumber(locale, element.nrr, 2),
                          n: element.n,
                        }),
                      )
                      .join(" · ")}
              </dd>
            </>
          ) : null}
        </dl>
      )}
      <h3>{t("assessments.assessment.complaints")}</h3>
      {!pack.complaints.available ? (
        <p className="muted">{t("assessments.assessment.complaintsNotAvailable")}</p>
      ) : pack.complaints.value.length === 0 ? (
        <p className="muted">{t("assessments.assessment.noComplaints")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("assessments.assessment.complaint")}</th>
                <th scope="col">{t("assessments.assessment.officerReply")}</th>
              </tr>
            </thead>
            <tbody>
              {pack.complaints.value.map((complaint) => (
                <tr key={complaint.id}>
                  <td>
                    <strong>{complaint.trackingCode}</strong> {complaint.body}
                  </td>
                  <td>
                    {complaint.replies.length === 0 ? "–" : complaint.replies.map((reply) => reply.text).join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id="results-evidence">{t("assessments.assessment.resultsTable")}</h3>
      <div className="table-wrap">
        <table aria-labelledby="results-evidence">
          <thead>
            <tr>
              <th scope="col">{t("assessments.plan.indicator")}</th>
              <th scope="col" className="num">
                {t("assessments.plan.target")}
              </th>
              <th scope="col" className="num">
                {t("assessments.assessment.realisation")}
              </th>
              <th scope="col" className="num">
                {t("assessments.assessment.share")}
              </th>
              <th scope="col" className="num">
                {t("assessments.assessment.achievementsCount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {pack.results.map((result) => (
              <tr key={result.id}>
                <td>
                  {result.indicator}
                  {result.portalIndicator ? (
                    <span className="badge skp-inline-badge">{t("assessments.assessment.portal")}</span>
                  ) : null}
                </td>
                <td className="num">
                  {formatNumber(locale, result.target, Number.isInteger(result.target) ? 0 : 2)} {result.unitOfMeasure}
                </td>
                <td className="num">
                  {result.realisation === null
                    ? t("assessments.assessment.unknown")
                    : formatNumber(locale, result.realisation, Number.isInteger(result.realisation) ? 0 : 2)}
                </td>
                <td className="num">
                  {result.scoreRating
                    ? t("assessments.assessment.scoreRated", { rating: t(`assessments.rating.${result.scoreRating}`) })
                    : result.share === null
                      ? "–"
                      : formatPercent(locale, result.share)}
                </td>
                <td className="num">{result.achievements}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {t("assessments.assessment.achievementsSummary", {
          count: pack.achievements.count,
          withFile: pack.achievements.withFile,
          notes: pack.feedbackNotes,
        })}
      </p>
      <h3 id="behaviour-evidence">{t("assessments.assessment.behaviourTable")}</h3>
      <div className="table-wrap">
        <table aria-labelledby="behaviour-evidence">
          <thead>
            <tr>
              <th scope="col">{t("assessments.plan.value")}</th>
              <th scope="col">{t("assessments.reviews.kind.self")}</th>
              <th scope="col">{t("assessments.reviews.kind.peer")}</th>
              <th scope="col">{t("assessments.reviews.kind.supervisor")}</th>
              <th scope="col" className="num">
                {t("assessments.assessment.average")}
              </th>
            </tr>
          </thead>
          <tbody>
            {pack.behaviours.map((behaviour) => (
              <tr key={behaviour.value}>
                <th scope="row">{t(`assessments.values.${behaviour.value}`)}</th>
                <td>{behaviour.self ? t(`assessments.rating.${behaviour.self}`) : "–"}</td>
                <td>
                  {behaviour.peers.length === 0
                    ? "–"
                    : behaviour.peers.map((rating) => t(`assessments.rating.${rating}`)).join("; ")}
                </td>
                <td>{behaviour.supervisor ? t(`assessments.rating.${behaviour.supervisor}`) : "–"}</td>
                <td className="num">{behaviour.average === null ? "–" : formatNumber(locale, behaviour.average, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {t("assessments.assessment.reviewersSummary", {
          self: pack.reviewers.self ? t("assessments.assessment.yes") : t("assessments.assessment.no"),
          supervisor: pack.reviewers.supervisor ? t("assessments.assessment.yes") : t("assessments.assessment.no"),
          peers: pack.reviewers.peers,
          chosen: pack.reviewers.peersChosen,
        })}
      </p>
      <h3>{t("assessments.assessment.suggestion")}</h3>
      <ul>
        <li>{suggestionText(t, locale, pack.suggestions.hasilKerja, "hasilKerja")}</li>
        <li>{suggestionText(t, locale, pack.suggestions.perilaku, "perilaku")}</li>
      </ul>
    </>
  );
}

function RatingFields({
  errors,
  values,
}: {
  errors: Record<string, string | undefined>;
  values: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const options = [
    { value: "", label: t("assessments.assessment.chooseRating") },
    ...RATINGS.map((rating) => ({ value: rating, label: t(`assessments.rating.${rating}`) })),
  ];
  return (
    <div className="skp-grid">
      <div>
        <Select
          name="ratingHasilKerja"
          label={t("assessments.assessment.ratingHasilKerja")}
          options={options}
          defaultValue={values.ratingHasilKerja}
          error={errors.ratingHasilKerja}
        />
        <TextArea
          name="justificationHasilKerja"
          label={t("assessments.assessment.justificationHasilKerja")}
          hint={t("assessments.assessment.justificationHint", { min: MIN_JUSTIFICATION_LENGTH })}
          defaultValue={values.justificationHasilKerja}
          error={errors.justificationHasilKerja}
          maxLength={2000}
        />
      </div>
      <div>
        <Select
          name="ratingPerilaku"
          label={t("assessments.assessment.ratingPerilaku")}
          options={options}
          defaultValue={values.ratingPerilaku}
          error={errors.ratingPerilaku}
        />
        <TextArea
          name="justificationPerilaku"
          label={t("assessments.assessment.justificationPerilaku")}
          hint={t("assessments.assessment.justificationHint", { min: MIN_JUSTIFICATION_LENGTH })}
          defaultValue={values.justificationPerilaku}
          error={errors.justificationPerilaku}
          maxLength={2000}
        />
      </div>
    </div>
  );
}

function MatrixTable() {
  const { t } = useTranslation();
  const columns = ["di_bawah", "sesuai", "di_atas"] as const;
  return (
    <details className="skp-details">
      <summary>{t("assessments.assessment.matrixTitle")}</summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("assessments.assessment.matrixCorner")}</th>
              {columns.map((perilaku) => (
                <th scope="col" key={perilaku}>
                  {t(`assessments.rating.${perilaku}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(["di_atas", "sesuai", "di_bawah"] as const).map((hasil) => (
              <tr key={hasil}>
                <th scope="row">{t(`assessments.rating.${hasil}`)}</th>
                {columns.map((perilaku) => (
                  <td key={perilaku}>{t(`assessments.predikat.${predikatFor(hasil, perilaku)}`)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function ContestsView({ contests }: { contests: Sourced<OpenContest[]> | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h3>{t("assessments.assessment.contests")}</h3>
      {contests && !contests.available ? (
        <p className="muted">{t("assessments.assessment.contestsNotAvailable")}</p>
      ) : contests && contests.available && contests.value.length > 0 ? (
        <div className="notice warn" role="status">
          <p>{t("assessments.assessment.contestsOpen", { count: contests.value.length })}</p>
          <ul>
            {contests.value.map((contest) => (
              <li key={contest.id}>
                {formatDate(locale, contest.createdAt)}: {contest.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">{t("assessments.assessment.noContests")}</p>
      )}
    </>
  );
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
        <section className="card" aria-labelledby="respond-title">
          <h2 id="respond-title">{t("assessments.assessment.respondTitle")}</h2>
          <p>
            {data.window.open
              ? t("assessments.assessment.objectHint", {
                  date: formatDate(locale, data.window.closesAt, data.header.timeZone),
                })
              : t("assessments.assessment.windowPassed")}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="acknowledge" />
            <button type="submit">{t("assessments.assessment.acknowledge")}</button>
          </Form>
          {data.window.open ? (
            <NoteForm
              intent="object"
              name="reason"
              label={t("assessments.assessment.objectReason")}
              hint={t("assessments.assessment.objectReasonHint")}
              error={errorsFor("object").reason}
              defaultValue={valuesFor("object").reason}
              maxLength={2000}
              submitLabel={t("assessments.assessment.object")}
            />
          ) : null}
        </section>
      ) : null}

      {data.can.decide && latest ? (
        <Form method="post" className="card" noValidate>
          <h2>{t("assessments.assessment.decideTitle")}</h2>
          <p>{t("assessments.assessment.decideIntro")}</p>
          <blockquote className="skp-quote">{latest.responseReason}</blockquote>
          <input type="hidden" name="intent" value="decide" />
          <Select
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
            <Select
              name="ratingHasilKerja"
              label={t("assessments.assessment.decidedHasilKerja")}
              hint={t("assessments.assessment.decidedRatingsHint")}
              options={RATINGS.map((rating) => ({ value: rating, label: t(`assessments.rating.${rating}`) }))}
              defaultValue={valuesFor("decide").ratingHasilKerja ?? latest.ratingHasilKerja}
              error={errorsFor("decide").ratingHasilKerja}
            />
            <Select
              name="ratingPerilaku"
              label={t("assessments.assessment.decidedPerilaku")}
              hint={t("assessments.assessment.decidedRatingsHint")}
              options={RATINGS.map((rating) => ({ value: rating, label: t(`assessments.rating.${rating}`) }))}
              defaultValue={valuesFor("decide").ratingPerilaku ?? latest.ratingPerilaku}
              error={errorsFor("decide").ratingPerilaku}
            />
          </div>
          <TextArea
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
            <TextArea
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
            <div className="table-wrap">
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

      {data.versions.length > 1 ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t("assessments.assessment.versions")}</h2>
          {data.versions.slice(1).map((version) => (
            <details key={version.id} className="card skp-details">
              <summary>
                {t("assessments.assessment.versionSummary", {
                  version: version.version,
                  predikat: t(`assessments.predikat.${version.predikat}`),
                  date: formatDateTime(locale, version.finalisedAt),
                  name: version.finalisedBy,
                })}
              </summary>
              {version.amendmentReason ? (
                <p>
                  <strong>
                    {version.finalByDecision
                      ? t("assessments.assessment.decisionReasonLabel")
                      : t("assessments.assessment.amendmentReason")}
                    :
                  </strong>{" "}
                  {version.amendmentReason}
                </p>
              ) : null}
              {version.decisionOutcome ? (
                <p>
                  <strong>{t(`assessments.assessment.outcome.${version.decisionOutcome}`)}</strong> ·{" "}
                  {version.decidedBy} · {formatDateTime(locale, version.decidedAt!)}: {version.decisionReason}
                </p>
              ) : null}
              <p className="muted small">
                {t("assessments.assessment.evidenceFrozen", {
                  date: formatDateTime(locale, version.evidence.assembledAt),
                })}
              </p>
              <EvidenceView pack={version.evidence} />
            </details>
          ))}
        </section>
      ) : null}

      <h2>{t("assessments.history.title")}</h2>
      <AuditTrail entries={data.trail} />
    </>
  );
}
