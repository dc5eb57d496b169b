import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireAgencyAdmin } from "~/auth/guard.server";
import { addCounter } from "~/data/org-admin/counters.server";
import { agencyUnit } from "~/data/org-admin/units.server";
import { activeServicesOfUnits } from "~/data/organisation.server";
import { mayAdministerInAgency } from "~/domain/access/organisation";
import { readForm } from "~/http/form-body.server";
import { parseForm } from "~/http/forms";
import { counterFormSchema, tickedServices, typedValues } from "~/http/org-admin-forms";
import { idFromText } from "~/http/params";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { CounterFields, errorsOf, valuesOf } from "~/ui/org-admin";
import { FormMessage } from "~/ui/FormMessage";
import { pageTitle } from "~/ui/page-title";

// A new counter of a unit (?unit=): its name, code and services; the portal gives it a public code for its QR.
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "orgAdmin.counters.addTitle") }];

async function unitOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const unitId = idFromText(new URL(request.url).searchParams.get("unit"));
  const unit = unitId === null ? undefined : await agencyUnit(db(), agency.agency_id, unitId);
  if (!unit || unit.retiredAt !== null || !mayAdministerInAgency(user.grants, agency.path, unit.path)) throw notFound();
  return { user, agency, unit };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { agency, unit } = await unitOf(request, params);
  return { agencyUnitId: agency.id, unit: { id: unit.id, name: unit.name }, services: await activeServicesOfUnits(db(), [unit.id]) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, agency, unit } = await unitOf(request, params);
  const form = await readForm(request);
  const parsed = parseForm(counterFormSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, ticked: tickedServices(form) }, { status: 400 });
  const outcome = await addCounter(db(), user.id, unit.id, parsed.data);
  if (!outcome.ok) return data({ errors: outcome.errors, values: typedValues(form), ticked: tickedServices(form) }, { status: 400 });
  return redirect(`/staf/organisasi/${agency.id}/loket/${outcome.id}?baru=1`);
}

export default function NewCounter() {
  const { agencyUnitId, unit, services } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = errorsOf(actionData);
  const back = `/staf/organisasi/${agencyUnitId}/unit/${unit.id}`;
  return (
    <>
      <p className="muted">
        <Link to={back}>← {unit.name}</Link>
      </p>
      <h1>{t("orgAdmin.counters.addTitle")}</h1>
      <FormMessage error={errors._form} />
      <Form method="post" noValidate className="narrow">
        <CounterFields values={valuesOf(actionData)} errors={errors} services={services} submitted={(actionData as { ticked?: string[] } | undefined)?.ticked} />
        <div className="form-actions">
          <button type="submit">{t("orgAdmin.counters.add")}</button>
          <Link className="button secondary" to={back}>
            {t("staff.confirm.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
