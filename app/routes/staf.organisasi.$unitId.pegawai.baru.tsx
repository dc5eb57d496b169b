import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAgencyAdmin } from "~/auth/guard.server";
import { addOfficer, supervisorChoices } from "~/data/org-admin/officers.server";
import { agencyUnits } from "~/data/org-admin/units.server";
import { readForm } from "~/http/form-body.server";
import { parseForm } from "~/http/forms";
import { newOfficerSchema, typedValues } from "~/http/org-admin-forms";
import { idFromText } from "~/http/params";
import { useTranslation } from "~/i18n/react";
import { now } from "~/platform/clock.server";
import { db } from "~/platform/db.server";
import { OfficerFields, errorsOf, unitOptions, valuesOf } from "~/ui/org-admin";
import { FormMessage } from "~/ui/FormMessage";
import { pageTitle } from "~/ui/page-title";

// A new officer, with an account awaiting activation (as the import makes one); the NIP is checked by its rules.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "orgAdmin.officers.addTitle") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const [units, supervisors] = await Promise.all([agencyUnits(db(), agency.agency_id), supervisorChoices(db(), agency.agency_id)]);
  const suggested = idFromText(new URL(request.url).searchParams.get("unit"));
  return {
    agency: { unitId: agency.id, name: agency.agencyName },
    units: unitOptions(units),
    supervisors: supervisors.map((officer) => ({ value: String(officer.id), label: `${officer.name} · ${officer.position} (${officer.unitName})` })),
    unitId: units.some((row) => row.id === suggested && row.retiredAt === null) ? String(suggested) : "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const form = await readForm(request);
  const parsed = parseForm(newOfficerSchema(now(), agency.timeZone), form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await addOfficer(db(), user.id, agency.agency_id, parsed.data);
  if (!outcome.ok) return data({ errors: outcome.errors, values: typedValues(form) }, { status: 400 });
  return redirect(`/staf/organisasi/${agency.id}/pegawai/${outcome.id}?baru=1`);
}

export default function NewOfficer() {
  const { agency, units, supervisors, unitId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = errorsOf(actionData);
  const values = valuesOf(actionData);
  const back = `/staf/organisasi/${agency.unitId}/pegawai`;
  return (
    <>
      <p className="muted">
        <Link to={back}>← {t("orgAdmin.officers.title")}</Link>
      </p>
      <h1>{t("orgAdmin.officers.addTitle")}</h1>
      <FormMessage error={errors._form} />
      <Form method="post" noValidate className="narrow">
        <OfficerFields values={{ unitId, ...values }} errors={errors} units={units} supervisors={supervisors} />
        <div className="form-actions">
          <button type="submit">{t("orgAdmin.officers.add")}</button>
          <Link className="button secondary" to={back}>
            {t("staff.confirm.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
