import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireAgencyAdmin } from "~/auth/guard.server";
import { agencyOfficer, retireOfficer, supervisorChoices, updateOfficer } from "~/data/org-admin/officers.server";
import { agencyUnits } from "~/data/org-admin/units.server";
import { mayAdministerInAgency } from "~/domain/access/organisation";
import { formatNip } from "~/domain/nip";
import { confirmationFor } from "~/http/confirm";
import { readForm } from "~/http/form-body.server";
import { parseForm } from "~/http/forms";
import { intentSchema, officerFormSchema, typedValues } from "~/http/org-admin-forms";
import { unitIdParam } from "~/http/params";
import { formatDay } from "~/i18n/format";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { useRootData } from "~/root";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { Notice, OfficerFields, errorsOf, unitOptions, valuesOf } from "~/ui/org-admin";
import { FormMessage } from "~/ui/FormMessage";
import { pageTitle } from "~/ui/page-title";

// One officer: edit, move to another unit, set the direct supervisor (never a loop); retire, asked first. The
// officer's ratings, assessments and records stay after retirement.
export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => [{ title: pageTitle(matches, "orgAdmin.officers.title", loaded?.officer.name) }];

async function officerOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const officer = await agencyOfficer(db(), agency.agency_id, unitIdParam(params.officerId));
  if (!officer || !mayAdministerInAgency(user.grants, agency.path, officer.unitPath)) throw notFound();
  return { user, agency, officer };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { agency, officer } = await officerOf(request, params);
  const [units, supervisors] = await Promise.all([agencyUnits(db(), agency.agency_id), supervisorChoices(db(), agency.agency_id)]);
  const { unitPath: _path, ...shown } = officer;
  return {
    agency: { unitId: agency.id, timeZone: agency.timeZone },
    officer: shown,
    units: unitOptions(units),
    supervisors: supervisors.filter((row) => row.id !== officer.id).map((row) => ({ value: String(row.id), label: `${row.name} · ${row.position} (${row.unitName})` })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, agency, officer } = await officerOf(request, params);
  const form = await readForm(request);
  const intent = parseForm(intentSchema(["save", "retire"]), form);
  if (!intent.ok) return data({ errors: intent.errors }, { status: 400 });
  const here = `/staf/organisasi/${agency.id}/pegawai/${officer.id}`;
  if (intent.data.intent === "retire") {
    const confirm = confirmationFor(form);
    if (confirm) return { confirm };
    const outcome = await retireOfficer(db(), user.id, agency.agency_id, officer.id, now());
    if (!outcome.ok) return data({ errors: outcome.errors }, { status: 409 });
    return redirect(`${here}?nonaktif=1`);
  }
  const parsed = parseForm(officerFormSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await updateOfficer(db(), user.id, agency.agency_id, officer.id, parsed.data);
  if (!outcome.ok) return data({ errors: outcome.errors, values: typedValues(form) }, { status: 400 });
  return redirect(`${here}?disimpan=1`);
}

export default function OfficerAdmin() {
  const { agency, officer, units, supervisors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useRootData()?.locale ?? "id";
  const errors = errorsOf(actionData);
  const confirm = actionData && "confirm" in actionData ? actionData.confirm : null;
  const base = `/staf/organisasi/${agency.unitId}`;
  const here = `${base}/pegawai/${officer.id}`;
  const notice = actionData ? null : params.has("baru") ? t("orgAdmin.officers.added") : params.has("disimpan") ? t("orgAdmin.saved") : params.has("nonaktif") ? t("orgAdmin.officers.retiredNotice") : null;
  return (
    <>
      <p className="muted">
        <Link to={`${base}/pegawai?unit=${officer.unitId}`}>← {officer.unitName}</Link>
      </p>
      <h1>
        {officer.name} {officer.active ? null : <span className="badge danger">{t("organisation.retired")}</span>}
      </h1>
      <Notice text={notice} />
      <FormMessage error={errors._form} />
      {confirm ? (
        <ConfirmStep request={confirm} title={t("orgAdmin.officers.retireTitle", { name: officer.name })} confirmLabel={t("orgAdmin.officers.retireYes")} cancelTo={here}>
          <p>{t("orgAdmin.officers.retireWhat")}</p>
        </ConfirmStep>
      ) : null}
      <dl className="facts">
        <dt>{t("orgAdmin.fields.nip")}</dt>
        <dd>{formatNip(officer.nip)}</dd>
        <dt>{t("orgAdmin.officers.account")}</dt>
        <dd>{officer.userId ? <Link to={`${base}/akun/${officer.userId}`}>{t("orgAdmin.officers.openAccount")}</Link> : "–"}</dd>
        <dt>{t("orgAdmin.officers.subordinates")}</dt>
        <dd>{officer.subordinates.length === 0 ? "–" : officer.subordinates.map((row) => row.name).join(", ")}</dd>
        {officer.retiredAt ? (
          <>
            <dt>{t("orgAdmin.unit.retiredOn")}</dt>
            <dd>{formatDay(locale, officer.retiredAt, agency.timeZone)}</dd>
          </>
        ) : null}
      </dl>
      {officer.active ? (
        <>
          <h2>{t("orgAdmin.officers.edit")}</h2>
          <Form method="post" noValidate className="narrow">
            <input type="hidden" name="intent" value="save" />
            <OfficerFields values={valuesOf(actionData)} errors={errors} units={units} supervisors={supervisors} current={officer} />
            <div className="form-actions">
              <button type="submit">{t("orgAdmin.save")}</button>
            </div>
          </Form>
          {!confirm ? (
            <>
              <h2>{t("orgAdmin.officers.retire")}</h2>
              <p className="muted">{officer.subordinates.length > 0 ? t("orgAdmin.officers.retireBlocked", { count: officer.subordinates.length }) : t("orgAdmin.officers.retireHint")}</p>
              {officer.subordinates.length === 0 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="retire" />
                  <button type="submit" className="danger">
                    {t("orgAdmin.officers.retire")}
                  </button>
                </Form>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
