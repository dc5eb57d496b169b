import { data as respond, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { requireStaffUnit } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { scopeIndicators } from "~/data/indicators.server";
import { saveSkmReport, skmReportTexts } from "~/data/skm-reports.server";
import { addRecommendation, changeRecommendationStatus, recommendationsOf } from "~/data/skm-recommendations.server";
import { servicesOfUnit } from "~/data/organisation.server";
import { addRecommendationForm, statusChangeForm } from "~/http/skm-recommendation-forms";
import { RecommendationList, NewRecommendationForm, type RecommendationFormState } from "~/ui/skm/Recommendations";
import { previousPeriod } from "~/domain/indicators/period";
import { formatDateTime, formatDayRange, formatNumber } from "~/i18n/format";
import { useTranslation } from "~/i18n/react";
import { useRootData } from "~/root";
import { parseForm } from "~/http/forms";
import { PeriodFilters } from "~/ui/indicators/PeriodFilters";
import { parseIndicatorQuery } from "~/http/indicator-query";
import { todayIn } from "~/pages/unit-indicators.server";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Laporan SKM · ${data.unit.name}` : "Suara" }];

async function guard(request: Request, unitIdText: string | undefined) {
  const { user, unit } = await requireStaffUnit(request, ["supervisor", "admin"], unitIdText);
  const url = new URL(request.url);
  return { user, unit, url, query: parseIndicatorQuery(url.searchParams, todayIn(unit.timeZone), { minimumRatings: unit.officerRankingMin }) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit, url, query } = await guard(request, params.unitId);
  const previous = previousPeriod(query.period);
  const [figures, texts, previousTexts, recommendations, previousRecommendations, services] = await Promise.all([
    scopeIndicators(db(), { kind: "unit", unitId: unit.id }, query.period, { verifiedOnly: query.verifiedOnly }),
    skmReportTexts(db(), unit.id, query.period),
    skmReportTexts(db(), unit.id, previous),
    recommendationsOf(db(), unit.id, query.period, { match: "exact" }),
    recommendationsOf(db(), unit.id, previous, { match: "exact" }),
    servicesOfUnit(db(), unit.id),
  ]);
  const ikm = figures.ikm.kind === "computed" ? { value: figures.ikm.ikmUnitRounded, mutu: figures.ikm.mutu, kinerja: figures.ikm.kinerja, lowest: figures.ikm.lowest } : null;
  return {
    unit: { id: unit.id, name: unit.name, agencyName: unit.agencyName, timeZone: unit.timeZone },
    query,
    previous,
    ikm,
    respondents: figures.counts.fullSurveys,
    texts,
    previousRecommendations: previousTexts.recommendations,
    recommendations,
    previousRecommendationRecords: previousRecommendations,
    services: services.map((service) => ({ id: service.id, name: service.name })),
    today: todayIn(unit.timeZone),
    saved: url.searchParams.get("disimpan"),
  };
}

const text = z.string().trim().max(5000, "skmReport.errors.tooLong");
const schema = z.object({ recommendations: text, previousFollowUp: text });

type ActionAnswer = { form: "texts" | "add" | "status"; recommendationId: number | null; errors: Record<string, string>; values: Record<string, string> };

/** What was typed, to show again beside the error. */
function typed(form: FormData): Record<string, string> {
  return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function refused(answer: ActionAnswer) {
  return respond(answer, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit, url, query } = await guard(request, params.unitId);
  const form = await readForm(request);
  const actor = { userId: user.id, grants: user.grants };
  const next = new URLSearchParams(url.searchParams);
  const intent = form.get("intent");
  if (intent === "add") {
    const parsed = parseForm(addRecommendationForm(query.period.from), form);
    if (!parsed.ok) return refused({ form: "add", recommendationId: null, errors: parsed.errors, values: parsed.values });
    const { intent: _intent, ...fields } = parsed.data;
    const result = await addRecommendation(db(), actor, { unitId: unit.id, period: query.period, ...fields });
    if (!result.ok && result.reason === "not_found") throw new Response("Not Found", { status: 404 });
    if (!result.ok) {
      return refused({ form: "add", recommendationId: null, errors: { [result.field]: `skmReport.errors.${result.error}` }, values: typed(form) });
    }
    next.set("disimpan", "rekomendasi");
    return redirect(`/staf/laporan/${unit.id}?${next.toString()}#rekomendasi-${result.id}`);
  }
  if (intent === "status") {
    const parsed = parseForm(statusChangeForm, form);
    const recommendationId = Number(form.get("recommendationId")) || null;
    if (!parsed.ok) return refused({ form: "status", recommendationId, errors: parsed.errors, values: parsed.values });
    const result = await changeRecommendationStatus(db(), actor, {
      recommendationId: parsed.data.recommendationId,
      unitId: unit.id,
      status: parsed.data.status,
      note: parsed.data.note,
      evidence: parsed.data.evidence,
      notedOn: parsed.data.notedOn,
      today: todayIn(unit.timeZone),
    });
    if (!result.ok && result.reason === "not_found") throw new Response("Not Found", { status: 404 });
    if (!result.ok) {
      return refused({ form: "status", recommendationId, errors: { [result.field]: `skmReport.errors.${result.error}` }, values: typed(form) });
    }
    next.set("disimpan", "status");
    return redirect(`/staf/laporan/${unit.id}?${next.toString()}#rekomendasi-${parsed.data.recommendationId}`);
  }
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return refused({ form: "texts", recommendationId: null, errors: parsed.errors, values: parsed.values });
  const result = await saveSkmReport(db(), actor, { unitId: unit.id, period: query.period, ...parsed.data });
  if (!result.ok) throw new Response("Not Found", { status: 404 });
  next.set("disimpan", "1");
  return redirect(`/staf/laporan/${unit.id}?${next.toString()}`);
}

export default function SkmReportPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const location = useLocation();
  const search = new URLSearchParams(location.search);
  search.delete("disimpan");
  const queryString = search.toString() ? `?${search.toString()}` : "";
  const textsAnswer = actionData?.form === "texts" ? actionData : undefined;
  const errors: Record<string, string | undefined> = textsAnswer?.errors ?? {};
  const values: Record<string, string | undefined> = textsAnswer?.values ?? {};
  const formState: RecommendationFormState | undefined =
    actionData && actionData.form !== "texts" ? { ...actionData, form: actionData.form } : undefined;
  const area = (name: "recommendations" | "previousFollowUp", label: string, hint: string, value: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <span className="hint" id={`${name}-hint`}>
        {hint}
      </span>
      <textarea
        id={name}
        name={name}
        rows={8}
        maxLength={5000}
        defaultValue={values[name] ?? value}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-hint ${name}-error` : `${name}-hint`}
      />
      {errors[name] ? (
        <p className="field-error" id={`${name}-error`}>
          {t(errors[name])}
        </p>
      ) : null}
    </div>
  );
  return (
    <>
      <p className="muted">
        <Link to={`/staf/unit/${data.unit.id}`}>{data.unit.name}</Link> · {data.unit.agencyName}
      </p>
      <h1>{t("skmReport.title")}</h1>
      <p className="muted">{t("skmReport.intro")}</p>
      {/* Keyed by the period so the inputs show the chosen period after a client-side navigation too. */}
      <PeriodFilters key={`${data.query.period.kind}:${data.query.period.from}:${data.query.period.to}`} query={data.query} />

      <p>
        {data.ikm
          ? t("skmReport.figures", {
              ikm: formatNumber(locale, data.ikm.value, 2),
              mutu: data.ikm.mutu,
              kinerja: t(`indicators.kinerja.${data.ikm.kinerja}`),
              respondents: formatNumber(locale, data.respondents),
              lowest: `${data.ikm.lowest} ${t(`ratings.elements.${data.ikm.lowest}.name`)}`,
            })
          : t("skmReport.noFigures")}
      </p>
      <p className="form-actions">
        <a className="button" href={`/staf/laporan/${data.unit.id}.pdf${queryString}`} download>
          {t("skmReport.downloadPdf")}
        </a>
        <Link className="button secondary" to={`/staf/indikator/${data.unit.id}${queryString}`}>
          {t("indicators.menu")}
        </Link>
      </p>

      {data.saved ? (
        <p className="notice ok" role="status">
          {t(data.saved === "rekomendasi" ? "skmReport.recommendation.added" : data.saved === "status" ? "skmReport.recommendation.statusSaved" : "skmReport.saved")}
        </p>
      ) : null}

      <section aria-labelledby="previous-title">
        <h2 id="previous-title">{t("skmReport.previousTitle", { range: formatDayRange(locale, data.previous.from, data.previous.to) })}</h2>
        <p className="muted small">{t("skmReport.recommendation.previousIntro")}</p>
        {data.previousRecommendationRecords.length > 0 ? (
          <RecommendationList recommendations={data.previousRecommendationRecords} today={data.today} timeZone={data.unit.timeZone} state={formState} />
        ) : null}
        {data.previousRecommendations ? (
          <p style={{ whiteSpace: "pre-wrap" }}>{data.previousRecommendations}</p>
        ) : data.previousRecommendationRecords.length === 0 ? (
          <p className="notice">{t("skmReport.previousNone")}</p>
        ) : null}
      </section>

      <section aria-labelledby="current-title">
        <h2 id="current-title">{t("skmReport.recommendation.title", { range: formatDayRange(locale, data.query.period.from, data.query.period.to) })}</h2>
        <p className="muted small">{t("skmReport.recommendation.intro")}</p>
        {data.recommendations.length > 0 ? (
          <RecommendationList recommendations={data.recommendations} today={data.today} timeZone={data.unit.timeZone} state={formState} />
        ) : (
          <p className="notice">{t("skmReport.recommendation.none")}</p>
        )}
        <NewRecommendationForm services={data.services} lowest={data.ikm?.lowest ?? null} periodFrom={data.query.period.from} state={formState} />
      </section>

      <h2>{t("skmReport.textsTitle")}</h2>
      <Form method="post">
        {area("recommendations", t("skmReport.recommendations"), t("skmReport.recommendationsHint"), data.texts.recommendations)}
        {area("previousFollowUp", t("skmReport.followUp"), t("skmReport.followUpHint"), data.texts.previousFollowUp)}
        {data.texts.updatedAt ? <p className="muted small">{t("skmReport.lastSaved", { date: formatDateTime(locale, data.texts.updatedAt, data.unit.timeZone) })}</p> : null}
        <p className="form-actions">
          <button type="submit">{t("skmReport.save")}</button>
        </p>
      </Form>
    </>
  );
}
