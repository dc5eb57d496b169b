import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { requireStaffUnit } from "~/auth/guard.server";
import { db } from "~/platform/db.server";
import { scopeIndicators } from "~/data/indicators.server";
import { saveSkmReport, skmReportTexts } from "~/data/skm-reports.server";
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
  const [figures, texts, previousTexts] = await Promise.all([
    scopeIndicators(db(), { kind: "unit", unitId: unit.id }, query.period, { verifiedOnly: query.verifiedOnly }),
    skmReportTexts(db(), unit.id, query.period),
    skmReportTexts(db(), unit.id, previous),
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
    saved: url.searchParams.get("disimpan") === "1",
  };
}

const text = z.string().trim().max(5000, "skmReport.errors.tooLong");
const schema = z.object({ recommendations: text, previousFollowUp: text });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit, url, query } = await guard(request, params.unitId);
  const parsed = parseForm(schema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors, values: parsed.values };
  const result = await saveSkmReport(db(), { userId: user.id, grants: user.grants }, { unitId: unit.id, period: query.period, ...parsed.data });
  if (!result.ok) throw new Response("Not Found", { status: 404 });
  const next = new URLSearchParams(url.searchParams);
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
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? {};
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
          {t("skmReport.saved")}
        </p>
      ) : null}

      <h2>{t("skmReport.previousTitle", { range: formatDayRange(locale, data.previous.from, data.previous.to) })}</h2>
      {data.previousRecommendations ? <p style={{ whiteSpace: "pre-wrap" }}>{data.previousRecommendations}</p> : <p className="notice">{t("skmReport.previousNone")}</p>}

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
