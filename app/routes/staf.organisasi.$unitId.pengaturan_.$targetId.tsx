import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireAgencyAdmin } from "~/auth/guard.server";
import { lastYearTallies, unitSettingsOf, updateUnitSettings } from "~/data/unit-settings.server";
import { hasRoleFor } from "~/domain/access/grants";
import { ELEMENT_CODES } from "~/domain/indicators/elements";
import { computeIkm } from "~/domain/indicators/ikm";
import { formatOfficerName, OFFICER_NAME_DISPLAYS, ORGANISATION_PREDIKATS, unitSettingsSchema, weightsFromStored } from "~/domain/unit-settings";
import { readForm } from "~/http/form-body.server";
import { parseForm } from "~/http/forms";
import { unitIdParam } from "~/http/params";
import { formatDayRange, formatNumber } from "~/i18n/format";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { useRootData } from "~/root";
import { Field } from "~/ui/Field";
import { pageTitle } from "~/ui/page-title";
import { SelectField } from "~/ui/SelectField";

// One unit's settings, kept by its agency's administrators: IKM weights (summing to exactly 1, with a preview of
// their effect on the last twelve months' IKM), the organisational predicate, and officers' names on its counters.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "unitSettings.listTitle") }];

async function guarded(request: Request, params: { unitId?: string; targetId?: string }) {
  const { user, unit: agencyRoot } = await requireAgencyAdmin(request, params.unitId);
  const target = await unitSettingsOf(db(), unitIdParam(params.targetId));
  if (!target || target.agencyId !== agencyRoot.agency_id || !hasRoleFor(user.grants, ["admin"], target.path)) throw notFound();
  return { user, agencyRoot, target };
}

type Preview = { period: { from: string; to: string; timeZone: string }; fullSurveys: number; current: { ikm: number; mutu: string } | null; proposed: { ikm: number; mutu: string } | null };

async function previewOf(target: { id: number; timeZone: string; ikmWeights: Record<string, string> | null }, proposed: Record<string, string> | null): Promise<Preview> {
  const last = await lastYearTallies(db(), target.id, target.timeZone, now());
  const figure = (weights: Record<string, string> | null) => {
    const outcome = computeIkm(last.tallies, weightsFromStored(weights));
    return outcome.kind === "computed" ? { ikm: outcome.ikmUnitRounded, mutu: outcome.mutu } : null;
  };
  return { period: { from: last.from, to: last.to, timeZone: target.timeZone }, fullSurveys: last.fullSurveys, current: figure(target.ikmWeights), proposed: figure(proposed) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { agencyRoot, target } = await guarded(request, params);
  return { agencyRootId: agencyRoot.id, target, preview: await previewOf(target, target.ikmWeights) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, agencyRoot, target } = await guarded(request, params);
  const form = await readForm(request);
  const values = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const parsed = parseForm(unitSettingsSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values, preview: null }, { status: 400 });
  if (form.get("intent") === "preview") return { errors: {} as Record<string, string>, values, preview: await previewOf(target, parsed.data.ikmWeights) };
  const { changed } = await updateUnitSettings(db(), user.id, target.id, parsed.data);
  return redirect(`/staf/organisasi/${agencyRoot.id}/pengaturan/${target.id}?${changed.length ? "tersimpan" : "sama"}=1`);
}

const EXAMPLE_NAME = "Agus Setiawan";

export default function UnitSettingsPage() {
  const { agencyRootId, target, preview: loaded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const mode = values.weights ?? (target.ikmWeights ? "custom" : "equal");
  const weightValue = (code: string) => values[`w${code}`] ?? target.ikmWeights?.[code] ?? "1/9";
  const preview = actionData?.preview ?? loaded;
  const proposing = Boolean(actionData?.preview);
  const notice = params.has("tersimpan") ? "unitSettings.saved" : params.has("sama") ? "unitSettings.unchanged" : null;
  const ikmText = (figure: { ikm: number; mutu: string } | null) => (figure ? `${formatNumber(locale, figure.ikm, 2)} (${figure.mutu})` : "–");
  return (
    <div className="narrow">
      <p className="muted">
        <Link to={`/staf/organisasi/${agencyRootId}/pengaturan`}>← {t("unitSettings.back")}</Link>
      </p>
      <h1>{t("unitSettings.title", { unit: target.name })}</h1>
      {notice && !actionData ? (
        <p className="notice ok" role="status">
          {t(notice)}
        </p>
      ) : null}
      <p className="muted">{t("unitSettings.intro")}</p>
      <Form method="post" noValidate>
        <fieldset aria-describedby={errors.weightsSum ? "weightsSum-error" : undefined}>
          <legend>{t("unitSettings.weightsLegend")}</legend>
          <p className="hint">{t("unitSettings.weightsIntro")}</p>
          <label className="choice">
            <input type="radio" name="weights" value="equal" defaultChecked={mode === "equal"} /> {t("unitSettings.weightsEqual")}
          </label>
          <label className="choice">
            <input type="radio" name="weights" value="custom" defaultChecked={mode === "custom"} /> {t("unitSettings.weightsCustom")}
          </label>
          <div className="weights-grid">
            {ELEMENT_CODES.map((code) => (
              <Field key={code} name={`w${code}`} label={`${code} ${t(`ratings.elements.${code}.name`)}`} inputMode="decimal" maxLength={20} defaultValue={weightValue(code)} error={errors[`w${code}`]} />
            ))}
          </div>
          {errors.weightsSum ? (
            <p className="field-error" id="weightsSum-error" role="alert">
              {t(errors.weightsSum)}
            </p>
          ) : null}
        </fieldset>
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("unitSettings.previewTitle")}</h2>
          {preview.fullSurveys === 0 ? (
            <p>{t("unitSettings.previewEmpty")}</p>
          ) : (
            <>
              <p className="muted">{t("unitSettings.previewPeriod", { period: formatDayRange(locale, preview.period.from, preview.period.to, preview.period.timeZone), n: preview.fullSurveys })}</p>
              <div className="table-wrap" tabIndex={0}>
                <table>
                  <tbody>
                    <tr>
                      <th scope="row">{t("unitSettings.current")}</th>
                      <td>{ikmText(preview.current)}</td>
                    </tr>
                    {proposing ? (
                      <tr>
                        <th scope="row">{t("unitSettings.proposed")}</th>
                        <td data-testid="proposed-ikm">{ikmText(preview.proposed)}</td>
                      </tr>
                    ) : null}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {proposing ? <p className="hint">{t("unitSettings.previewNotSaved")}</p> : null}
        </section>
        <fieldset>
          <legend>{t("unitSettings.patternLegend")}</legend>
          <SelectField
            name="pattern"
            label={t("unitSettings.pattern")}
            hint={t("unitSettings.patternHint")}
            options={ORGANISATION_PREDIKATS.map((pattern) => ({ value: pattern, label: t(`assessments.orgPredikat.${pattern}`) }))}
            defaultValue={values.pattern ?? target.pattern}
            error={errors.pattern}
            required
          />
        </fieldset>
        <fieldset>
          <legend>{t("unitSettings.nameLegend")}</legend>
          <SelectField
            name="nameDisplay"
            label={t("unitSettings.nameDisplay")}
            hint={t("unitSettings.nameHint")}
            options={OFFICER_NAME_DISPLAYS.map((display) => ({ value: display, label: t(`unitSettings.names.${display}`, { example: formatOfficerName(EXAMPLE_NAME, display) }) }))}
            defaultValue={values.nameDisplay ?? target.nameDisplay}
            error={errors.nameDisplay}
            required
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" name="intent" value="preview" className="secondary">
            {t("unitSettings.preview")}
          </button>
          <button type="submit" name="intent" value="save">
            {t("unitSettings.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
