import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { startSession } from "~/auth/session.server";
import { checkPasswordStrength, passwordErrorKey } from "~/auth/password-strength.server";
import { completeSetup, setupLinkState } from "~/data/installation.server";
import { firstAdministratorSchema, PROVINCES, slugFromName, TIME_ZONES } from "~/domain/installation";
import { parseForm } from "~/http/forms";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { Field } from "~/ui/Field";
import { SelectField } from "~/ui/SelectField";
import { readForm } from "~/http/form-body.server";

// The page behind the one-time link printed at the first production start: the installer names the agency and
// creates its first administrator. Once used (or expired, or replaced by a newer link) it only says so.

export const meta: MetaFunction = () => [{ title: "Penyiapan · Suara" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const state = await setupLinkState(db(), params.token ?? "", now());
  if (state.kind !== "valid") return data({ usable: false as const, reason: state.kind }, { status: 404 });
  return { usable: true as const, reason: null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  // Without JavaScript an empty address name is filled from the agency's name.
  if (!String(form.get("agencySlug") ?? "").trim()) form.set("agencySlug", slugFromName(String(form.get("agencyName") ?? "")));
  const parsed = parseForm(firstAdministratorSchema, form);
  const values = Object.fromEntries([...form.entries()].filter(([key, value]) => typeof value === "string" && !key.startsWith("password"))) as Record<string, string>;
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const input = parsed.data;
  const verdict = checkPasswordStrength(input.password, [input.displayName, input.username, input.agencyName, input.agencySlug]);
  if (!verdict.ok) return data({ errors: { password: passwordErrorKey(verdict) }, values }, { status: 400 });
  const outcome = await completeSetup(db(), params.token ?? "", input, now());
  if (!outcome.ok && outcome.reason === "link_invalid") return data({ errors: { _form: "accounts.setup.linkDead" }, values }, { status: 404 });
  if (!outcome.ok) return data({ errors: { [outcome.field]: outcome.error }, values }, { status: 400 });
  return startSession(request, outcome.userId, "/staf?selamat-datang=1");
}

export default function Setup() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  if (!loaderData.usable) {
    return (
      <div className="narrow">
        <h1>{t("accounts.setup.deadTitle")}</h1>
        <p>{t(`accounts.setup.dead.${loaderData.reason}`)}</p>
        <p className="muted">{t("accounts.setup.deadHelp")}</p>
      </div>
    );
  }
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  return (
    <div className="narrow">
      <h1>{t("accounts.setup.title")}</h1>
      <p className="muted">{t("accounts.setup.intro")}</p>
      {errors._form ? (
        <p className="notice error" role="alert">
          {t(errors._form)}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <fieldset>
          <legend>{t("accounts.setup.agencyLegend")}</legend>
          <Field name="agencyName" label={t("accounts.setup.agencyName")} hint={t("accounts.setup.agencyNameHint")} required maxLength={120} defaultValue={values.agencyName} error={errors.agencyName} />
          <Field name="agencySlug" label={t("accounts.setup.agencySlug")} hint={t("accounts.setup.agencySlugHint")} maxLength={40} defaultValue={values.agencySlug} error={errors.agencySlug} autoCapitalize="none" spellCheck={false} />
          <SelectField
            name="province"
            label={t("accounts.setup.province")}
            placeholder={t("accounts.setup.choose")}
            options={PROVINCES.map((province) => ({ value: province, label: province }))}
            defaultValue={values.province ?? ""}
            error={errors.province}
            required
          />
          <SelectField
            name="timeZone"
            label={t("accounts.setup.timeZone")}
            placeholder={t("accounts.setup.choose")}
            options={TIME_ZONES.map((zone) => ({ value: zone, label: t(`accounts.timeZones.${zone.replace("/", "_")}`) }))}
            defaultValue={values.timeZone ?? ""}
            error={errors.timeZone}
            required
          />
        </fieldset>
        <fieldset>
          <legend>{t("accounts.setup.adminLegend")}</legend>
          <Field name="displayName" label={t("accounts.setup.displayName")} required maxLength={120} autoComplete="name" defaultValue={values.displayName} error={errors.displayName} />
          <Field name="username" label={t("accounts.setup.username")} hint={t("accounts.usernameHint")} required maxLength={40} autoComplete="username" autoCapitalize="none" spellCheck={false} defaultValue={values.username} error={errors.username} />
          <Field name="password" type="password" label={t("accounts.password.new")} hint={t("accounts.password.hint")} required autoComplete="new-password" error={errors.password} />
          <Field name="passwordConfirm" type="password" label={t("accounts.password.confirm")} required autoComplete="new-password" error={errors.passwordConfirm} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("accounts.setup.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
