import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireAgencyAdmin } from "~/auth/guard.server";
import { addService } from "~/data/org-admin/services.server";
import { agencyUnit } from "~/data/org-admin/units.server";
import { mayAdministerInAgency } from "~/domain/access/organisation";
import { readForm } from "~/http/form-body.server";
import { parseForm } from "~/http/forms";
import { serviceFormSchema, typedValues } from "~/http/org-admin-forms";
import { idFromText } from "~/http/params";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { ServiceFields, errorsOf, valuesOf } from "~/ui/org-admin";
import { FormMessage } from "~/ui/FormMessage";
import { pageTitle } from "~/ui/page-title";

// A new service of a unit (?unit=), with the standard it publishes.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "orgAdmin.services.addTitle") }];

async function unitOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const unitId = idFromText(new URL(request.url).searchParams.get("unit"));
  const unit = unitId === null ? undefined : await agencyUnit(db(), agency.agency_id, unitId);
  if (!unit || !mayAdministerInAgency(user.grants, agency.path, unit.path)) throw notFound();
  return { user, agency, unit };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { agency, unit } = await unitOf(request, params);
  return { agencyUnitId: agency.id, unit: { id: unit.id, name: unit.name } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, agency, unit } = await unitOf(request, params);
  const form = await readForm(request);
  const parsed = parseForm(serviceFormSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await addService(db(), user.id, unit.id, parsed.data);
  if (!outcome.ok) return data({ errors: outcome.errors, values: typedValues(form) }, { status: 400 });
  return redirect(`/staf/organisasi/${agency.id}/layanan/${outcome.id}?baru=1`);
}

export default function NewService() {
  const { agencyUnitId, unit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = errorsOf(actionData);
  const back = `/staf/organisasi/${agencyUnitId}/unit/${unit.id}`;
  return (
    <>
      <p className="muted">
        <Link to={back}>← {unit.name}</Link>
      </p>
      <h1>{t("orgAdmin.services.addTitle")}</h1>
      <p className="muted">{t("orgAdmin.services.standardIntro")}</p>
      <FormMessage error={errors._form} />
      <Form method="post" noValidate className="narrow">
        <ServiceFields values={valuesOf(actionData)} errors={errors} />
        <div className="form-actions">
          <button type="submit">{t("orgAdmin.services.add")}</button>
          <Link className="button secondary" to={back}>
            {t("staff.confirm.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
