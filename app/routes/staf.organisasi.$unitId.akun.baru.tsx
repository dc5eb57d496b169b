import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ROLES } from "../../db/schema";
import { requireAgencyAdmin, requireUnitRole } from "~/auth/guard.server";
import { createAccount } from "~/data/accounts.server";
import { unitsUnder } from "~/data/organisation.server";
import { newAccountSchema } from "~/domain/accounts";
import { parseForm } from "~/http/forms";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { Field } from "~/ui/Field";
import { pageTitle } from "~/ui/page-title";
import { SelectField } from "~/ui/SelectField";
import { readForm } from "~/http/form-body.server";

// An account made by hand (the organisation import makes one per officer): no password, a first role chosen
// on purpose (no role is preselected), then the administrator issues its activation code.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "accounts.create.title") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await requireAgencyAdmin(request, params.unitId);
  const units = await unitsUnder(db(), [unit.path]);
  return { agency: { unitId: unit.id, name: unit.agencyName }, units: units.map((row) => ({ value: String(row.id), label: row.name })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { unit } = await requireAgencyAdmin(request, params.unitId);
  const form = await readForm(request);
  const values = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const parsed = parseForm(newAccountSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const units = await unitsUnder(db(), [unit.path]);
  if (!units.some((row) => row.id === parsed.data.unitId)) return data({ errors: { unitId: "form.notInList" }, values }, { status: 400 });
  const actor = await requireUnitRole(request, ["admin"], parsed.data.unitId);
  const outcome = await createAccount(db(), actor.id, parsed.data);
  if (!outcome.ok) return data({ errors: { [outcome.field]: outcome.error }, values }, { status: 400 });
  return redirect(`/staf/organisasi/${unit.id}/akun/${outcome.userId}?baru=1`);
}

export default function NewAccount() {
  const { agency, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  return (
    <div className="narrow">
      <p className="muted">
        <Link to={`/staf/organisasi/${agency.unitId}/akun`}>← {t("accounts.manage.back")}</Link>
      </p>
      <h1>{t("accounts.create.title")}</h1>
      <p className="muted">{t("accounts.create.intro")}</p>
      <Form method="post" noValidate>
        <Field name="displayName" label={t("accounts.create.displayName")} required maxLength={120} defaultValue={values.displayName} error={errors.displayName} />
        <Field name="username" label={t("accounts.create.username")} hint={t("accounts.usernameHint")} required maxLength={40} autoCapitalize="none" spellCheck={false} defaultValue={values.username} error={errors.username} />
        <Field name="nip" label={t("accounts.create.nip")} hint={t("accounts.create.nipHint")} maxLength={40} inputMode="numeric" defaultValue={values.nip} error={errors.nip} />
        <Field name="email" type="email" label={t("accounts.create.email")} maxLength={200} defaultValue={values.email} error={errors.email} />
        <SelectField
          name="role"
          label={t("accounts.create.role")}
          placeholder={t("accounts.create.choose")}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          defaultValue={values.role ?? ""}
          error={errors.role}
          required
        />
        <SelectField name="unitId" label={t("accounts.create.unit")} placeholder={t("accounts.create.choose")} options={units} defaultValue={values.unitId ?? ""} error={errors.unitId} required />
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("accounts.create.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
