import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireAgencyAdmin } from "~/auth/guard.server";
import { agencySettings, updateAgencySettings } from "~/data/agency-settings.server";
import { unitSettingsOfAgency } from "~/data/unit-settings.server";
import { agencySettingsSchema } from "~/domain/agency-settings";
import { TIME_ZONES } from "~/domain/installation";
import { readForm } from "~/http/form-body.server";
import { parseForm } from "~/http/forms";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { Field } from "~/ui/Field";
import { pageTitle } from "~/ui/page-title";
import { SelectField } from "~/ui/SelectField";

// The agency's settings: name, time zone, the publication minimum, the officer ranking minimum and its own abuse
// limits (empty: the portal's default from the environment). Every change is audited.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "agencySettings.title") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await requireAgencyAdmin(request, params.unitId);
  const [settings, units] = await Promise.all([agencySettings(db(), unit.agency_id), unitSettingsOfAgency(db(), unit.agency_id)]);
  const portal = env();
  return {
    unitId: unit.id,
    settings,
    units,
    defaults: { perDevice: portal.RATING_LIMIT_PER_DEVICE, perIp: portal.RATING_LIMIT_PER_IP, kioskMinIntervalSeconds: portal.KIOSK_MIN_INTERVAL_SECONDS },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit } = await requireAgencyAdmin(request, params.unitId);
  const form = await readForm(request);
  const values = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const parsed = parseForm(agencySettingsSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const { changed } = await updateAgencySettings(db(), user.id, unit.agency_id, parsed.data, now());
  return redirect(`/staf/organisasi/${unit.id}/pengaturan?${changed.length ? "tersimpan" : "sama"}=1`);
}

export default function AgencySettings() {
  const { unitId, settings, units, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const value = (name: keyof typeof settings) => values[name] ?? (settings[name] === null ? "" : String(settings[name]));
  const notice = params.has("tersimpan") ? "agencySettings.saved" : params.has("sama") ? "agencySettings.unchanged" : null;
  return (
    <div className="narrow">
      <p className="muted">
        <Link to={`/staf/organisasi/${unitId}`}>← {settings.name}</Link>
      </p>
      <h1>{t("agencySettings.title")}</h1>
      {notice && !actionData ? (
        <p className="notice ok" role="status">
          {t(notice)}
        </p>
      ) : null}
      <p className="muted">{t("agencySettings.intro")}</p>
      <Form method="post" noValidate>
        <fieldset>
          <legend>{t("agencySettings.general")}</legend>
          <Field name="name" label={t("agencySettings.name")} required maxLength={120} defaultValue={value("name")} error={errors.name} />
          <SelectField
            name="timeZone"
            label={t("agencySettings.timeZone")}
            hint={t("agencySettings.timeZoneHint")}
            options={TIME_ZONES.map((zone) => ({ value: zone, label: t(`accounts.timeZones.${zone.replace("/", "_")}`) }))}
            defaultValue={value("timeZone")}
            error={errors.timeZone}
            required
          />
        </fieldset>
        <fieldset>
          <legend>{t("agencySettings.publication")}</legend>
          <Field name="publicMinSurveys" label={t("agencySettings.publicMinSurveys")} hint={t("agencySettings.publicMinSurveysHint")} inputMode="numeric" required defaultValue={value("publicMinSurveys")} error={errors.publicMinSurveys} />
          <Field name="officerRankingMin" label={t("agencySettings.officerRankingMin")} inputMode="numeric" required defaultValue={value("officerRankingMin")} error={errors.officerRankingMin} />
        </fieldset>
        <fieldset>
          <legend>{t("agencySettings.abuse")}</legend>
          <p className="hint">{t("agencySettings.abuseIntro")}</p>
          <Field name="ratingLimitPerDevice" label={t("agencySettings.perDevice")} hint={t("agencySettings.portalDefault", { value: defaults.perDevice })} inputMode="numeric" defaultValue={value("ratingLimitPerDevice")} error={errors.ratingLimitPerDevice} />
          <Field name="ratingLimitPerIp" label={t("agencySettings.perIp")} hint={t("agencySettings.portalDefault", { value: defaults.perIp })} inputMode="numeric" defaultValue={value("ratingLimitPerIp")} error={errors.ratingLimitPerIp} />
          <Field name="kioskMinIntervalSeconds" label={t("agencySettings.kioskInterval")} hint={t("agencySettings.portalDefault", { value: defaults.kioskMinIntervalSeconds })} inputMode="numeric" defaultValue={value("kioskMinIntervalSeconds")} error={errors.kioskMinIntervalSeconds} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("agencySettings.submit")}
          </button>
        </div>
      </Form>
      <h2>{t("unitSettings.listTitle")}</h2>
      <p className="muted">{t("unitSettings.listIntro")}</p>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("unitSettings.unit")}</th>
              <th scope="col">{t("unitSettings.weights")}</th>
              <th scope="col">{t("unitSettings.pattern")}</th>
              <th scope="col">{t("unitSettings.nameDisplay")}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((row) => (
              <tr key={row.id}>
                <td style={{ paddingLeft: `${0.5 + row.depth}rem` }}>
                  <Link to={`/staf/organisasi/${unitId}/pengaturan/${row.id}`} aria-label={`${t("unitSettings.edit")}: ${row.name}`}>
                    {row.name}
                  </Link>
                </td>
                <td>{t(row.customWeights ? "unitSettings.customShort" : "unitSettings.equalShort")}</td>
                <td>{t(`assessments.orgPredikat.${row.pattern}`)}</td>
                <td>{t(`unitSettings.namesShort.${row.nameDisplay}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
