import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { forbidden, requireUser } from "~/auth/guard.server";
import { now } from "~/platform/clock.server";
import { setUnitPattern, unitDistribution } from "~/data/assessments/distribution.server";
import { objectionsToDecide } from "~/data/assessments/objections.server";
import { db } from "~/platform/db.server";
import { plansInSupervisorScope } from "~/data/skp/queries.server";
import { periodContaining, PERIOD_KINDS } from "~/domain/skp";
import { localDateOf } from "~/domain/working-days";
import { formatDateTime, formatPercent } from "~/i18n/format";
import { parseForm, idField } from "~/http/forms";
import { periodLabel, StatusBadge, useLocale } from "~/ui/skp";
import { SelectField } from "~/ui/SelectField";
import { FormMessage } from "~/ui/FormMessage";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Penilaian kinerja tim · Suara" }];

const ORGANISATION_PREDIKATS = ["istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"] as const;

// The supervisor's overview: officers in scope (supervisor chain, or units held with the supervisor role),
// objections to decide, and each unit's distribution of finalised predicates for a period.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const rows = await plansInSupervisorScope(db(), user);
  const supervisorUnits = user.grants.filter((grant) => grant.role === "supervisor").map((grant) => grant.unitId);
  if (rows.length === 0 && supervisorUnits.length === 0) throw forbidden();
  const objections = await objectionsToDecide(db(), user);
  const url = new URL(request.url);
  const today = localDateOf(now());
  const current = periodContaining("quarterly", today);
  const requested = /^(monthly|quarterly|annual):\d{4}-\d{2}-\d{2}$/.test(url.searchParams.get("periode") ?? "")
    ? url.searchParams.get("periode")!
    : `${current.kind}:${current.start}`;
  const [kind, start] = requested.split(":") as [(typeof PERIOD_KINDS)[number], string];
  const periods = new Map<string, { kind: string; start: string }>([[`${current.kind}:${current.start}`, current]]);
  for (const row of rows)
    if (row.periodKind && row.periodStart)
      periods.set(`${row.periodKind}:${row.periodStart}`, { kind: row.periodKind, start: row.periodStart });
  const units = new Map<number, string>();
  for (const row of rows) units.set(row.unitId, row.unitName);
  const distributions = await Promise.all(
    [...units.entries()].map(async ([unitId, unitName]) => ({
      unitId,
      unitName,
      mayChoose: user.grants.some((grant) => grant.role === "supervisor" && grant.unitId === unitId),
      ...(await unitDistribution(db(), unitId, { kind, start })),
    })),
  );
  return {
    rows,
    objections,
    distributions,
    period: { kind, start, key: requested },
    periods: [...periods.entries()]
      .sort((a, b) => (a[1].start < b[1].start ? 1 : -1))
      .map(([key, value]) => ({ key, ...value })),
  };
}

const patternSchema = z.object({
  unitId: idField(),
  pattern: z.enum(ORGANISATION_PREDIKATS),
  periode: z.string().max(40).default(""),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(patternSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors };
  const result = await setUnitPattern(db(), user, parsed.data.unitId, parsed.data.pattern);
  if (!result.ok) return { errors: { _form: `assessments.errors.${result.reason}` } };
  return redirect(`/staf/penilaian${parsed.data.periode ? `?periode=${encodeURIComponent(parsed.data.periode)}` : ""}`);
}

export default function TeamAssessments() {
  const { rows, objections, distributions, period, periods } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <>
      <h1>{t("assessments.team.title")}</h1>
      <p className="muted small">{t("assessments.team.intro")}</p>
      <FormMessage error={errors._form} />

      <h2>{t("assessments.team.objections")}</h2>
      {objections.length === 0 ? (
        <p className="muted">{t("assessments.team.noObjections")}</p>
      ) : (
        <ul>
          {objections.map((objection) => (
            <li key={objection.planId}>
              <Link to={`/staf/penilaian/${objection.planId}`}>
                {t("assessments.team.objectionLine", {
                  officer: objection.officerName,
                  assessor: objection.assessorName,
                })}
              </Link>{" "}
              <span className="muted small">{formatDateTime(locale, objection.respondedAt)}</span>
            </li>
          ))}
        </ul>
      )}

      <h2 id="officers-title">{t("assessments.team.officers")}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table aria-labelledby="officers-title">
          <thead>
            <tr>
              <th scope="col">{t("assessments.team.officer")}</th>
              <th scope="col">{t("assessments.team.unit")}</th>
              <th scope="col">{t("assessments.plan.periodName")}</th>
              <th scope="col">{t("assessments.plan.status")}</th>
              <th scope="col">{t("assessments.assessment.predikatLabel")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.officerId}-${row.planId ?? "none"}`}>
                <td>
                  {row.officerName}
                  <span className="muted small skp-block">{row.position}</span>
                </td>
                <td>{row.unitName}</td>
                <td>
                  {row.planId && row.periodKind && row.periodStart ? (
                    <Link to={`/staf/skp/${row.planId}`}>
                      {periodLabel(t, locale, row.periodKind, row.periodStart)}
                    </Link>
                  ) : (
                    <span className="muted">{t("assessments.team.noPlan")}</span>
                  )}
                </td>
                <td>{row.status ? <StatusBadge status={row.status} /> : "–"}</td>
                <td>
                  {row.predikat && row.planId ? (
                    <Link to={`/staf/penilaian/${row.planId}`}>{t(`assessments.predikat.${row.predikat}`)}</Link>
                  ) : (
                    "–"
                  )}
                  {row.openObjections ? (
                    <span className="badge warn skp-inline-badge">{t("assessments.team.objected")}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("assessments.team.distribution")}</h2>
      <p className="muted small">{t("assessments.team.distributionIntro")}</p>
      <Form method="get" className="search-row">
        <label htmlFor="periode" className="visually-hidden">
          {t("assessments.team.period")}
        </label>
        <select id="periode" name="periode" defaultValue={period.key}>
          {periods.map((option) => (
            <option key={option.key} value={option.key}>
              {t(`assessments.kind.${option.kind}`)}: {periodLabel(t, locale, option.kind, option.start)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("assessments.team.show")}
        </button>
      </Form>
      {distributions.map((unit) => (
        <section key={unit.unitId} className="card" aria-labelledby={`unit-${unit.unitId}`}>
          <h3 id={`unit-${unit.unitId}`}>{unit.unitName}</h3>
          <p>
            {t("assessments.team.finalisedCount", { count: unit.predikats.length })} · {t("assessments.team.pattern")}:{" "}
            <strong>{t(`assessments.orgPredikat.${unit.pattern}`)}</strong>
          </p>
          {unit.warnings.length > 0 ? (
            <div className="notice warn" role="status">
              <p>
                <strong>{t("assessments.team.warningsTitle")}</strong>
              </p>
              <ul>
                {unit.warnings.map((warning) => (
                  <li key={warning.rule}>
                    {t(`assessments.team.rules.${warning.rule}`)}{" "}
                    {t("assessments.team.observed", {
                      observed: warning.observedCount,
                      total: warning.total,
                      share: formatPercent(locale, warning.observedShare),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : unit.predikats.length > 0 ? (
            <p className="muted">{t("assessments.team.noWarnings")}</p>
          ) : null}
          {unit.mayChoose ? (
            <Form method="post" className="search-row">
              <input type="hidden" name="unitId" value={unit.unitId} />
              <input type="hidden" name="periode" value={period.key} />
              <SelectField
                name="pattern"
                id={`pattern-${unit.unitId}`}
                label={t("assessments.team.choosePattern")}
                defaultValue={unit.pattern}
                options={ORGANISATION_PREDIKATS.map((value) => ({
                  value,
                  label: t(`assessments.orgPredikat.${value}`),
                }))}
              />
              <button type="submit" className="secondary">
                {t("assessments.team.savePattern")}
              </button>
            </Form>
          ) : null}
        </section>
      ))}
    </>
  );
}
