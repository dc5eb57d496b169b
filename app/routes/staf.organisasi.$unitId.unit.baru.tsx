import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAgencyAdmin } from "~/auth/guard.server";
import { addUnit, agencyUnits } from "~/data/org-admin/units.server";
import { readForm } from "~/http/form-body.server";
import { parseForm } from "~/http/forms";
import { idFromText } from "~/http/params";
import { typedValues, unitFormSchema } from "~/http/org-admin-forms";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { UnitFields, errorsOf, valuesOf } from "~/ui/org-admin";
import { FormMessage } from "~/ui/FormMessage";
import { pageTitle } from "~/ui/page-title";

// A new unit of the agency, under a parent chosen on purpose (the page it came from may suggest one: ?induk=).
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "orgAdmin.unit.addTitle") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit } = await requireAgencyAdmin(request, params.unitId);
  const units = await agencyUnits(db(), unit.agency_id);
  const suggested = idFromText(new URL(request.url).searchParams.get("induk"));
  return { agency: { unitId: unit.id, name: unit.agencyName }, units, parentId: units.some((row) => row.id === suggested && row.retiredAt === null) ? String(suggested) : "" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit } = await requireAgencyAdmin(request, params.unitId);
  const form = await readForm(request);
  const parsed = parseForm(unitFormSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await addUnit(db(), user.id, unit.agency_id, parsed.data);
  if (!outcome.ok) return data({ errors: outcome.errors, values: typedValues(form) }, { status: 400 });
  return redirect(`/staf/organisasi/${unit.id}/unit/${outcome.id}?baru=1`);
}

export default function NewUnit() {
  const { agency, units, parentId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = errorsOf(actionData);
  const values = valuesOf(actionData);
  return (
    <>
      <p className="muted">
        <Link to={`/staf/organisasi/${agency.unitId}`}>← {agency.name}</Link>
      </p>
      <h1>{t("orgAdmin.unit.addTitle")}</h1>
      <FormMessage error={errors._form} />
      <Form method="post" noValidate className="narrow">
        <UnitFields units={units} values={values} errors={errors} defaultParent={parentId} />
        <div className="form-actions">
          <button type="submit">{t("orgAdmin.unit.add")}</button>
          <Link className="button secondary" to={`/staf/organisasi/${agency.unitId}`}>
            {t("staff.confirm.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
