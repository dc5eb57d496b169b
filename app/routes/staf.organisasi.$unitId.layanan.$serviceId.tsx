import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireAgencyAdmin } from "~/auth/guard.server";
import { agencyService, setServiceActive, updateService } from "~/data/org-admin/services.server";
import { mayAdministerInAgency } from "~/domain/access/organisation";
import { confirmationFor } from "~/http/confirm";
import { readForm } from "~/http/form-body.server";
import { parseForm } from "~/http/forms";
import { intentSchema, serviceFormSchema, typedValues } from "~/http/org-admin-forms";
import { unitIdParam } from "~/http/params";
import { useTranslation } from "~/i18n/react";
import { db } from "~/platform/db.server";
import { ConfirmStep } from "~/ui/ConfirmStep";
import { Notice, ServiceFields, errorsOf, valuesOf } from "~/ui/org-admin";
import { FormMessage } from "~/ui/FormMessage";
import { pageTitle } from "~/ui/page-title";

// One service: edit its published standard and expected users; retire it or bring it back (each asked first).
export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => [{ title: pageTitle(matches, "orgAdmin.services.title", loaded?.service.name) }];

async function serviceOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, unit: agency } = await requireAgencyAdmin(request, params.unitId);
  const service = await agencyService(db(), agency.agency_id, unitIdParam(params.serviceId));
  if (!service || !mayAdministerInAgency(user.grants, agency.path, service.unitPath)) throw notFound();
  return { user, agency, service };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { agency, service } = await serviceOf(request, params);
  const { unitPath: _path, ...shown } = service;
  return { agencyUnitId: agency.id, service: { ...shown, feeRupiah: Number(shown.feeRupiah) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, agency, service } = await serviceOf(request, params);
  const form = await readForm(request);
  const intent = parseForm(intentSchema(["save", "retire", "reactivate"]), form);
  if (!intent.ok) return data({ errors: intent.errors }, { status: 400 });
  const here = `/staf/organisasi/${agency.id}/layanan/${service.id}`;
  if (intent.data.intent === "retire") {
    const confirm = confirmationFor(form);
    if (confirm) return { confirm };
    await setServiceActive(db(), user.id, service.id, false);
    return redirect(`${here}?nonaktif=1`);
  }
  if (intent.data.intent === "reactivate") {
    const confirm = confirmationFor(form);
    if (confirm) return { confirm };
    const outcome = await setServiceActive(db(), user.id, service.id, true);
    if (!outcome.ok) return data({ errors: outcome.errors }, { status: 409 });
    return redirect(`${here}?aktif=1`);
  }
  const parsed = parseForm(serviceFormSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const outcome = await updateService(db(), user.id, service.id, parsed.data);
  if (!outcome.ok) return data({ errors: outcome.errors, values: typedValues(form) }, { status: 400 });
  return redirect(`${here}?disimpan=1`);
}

export default function ServiceAdmin() {
  const { agencyUnitId, service } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const errors = errorsOf(actionData);
  const confirm = actionData && "confirm" in actionData ? actionData.confirm : null;
  const here = `/staf/organisasi/${agencyUnitId}/layanan/${service.id}`;
  const back = `/staf/organisasi/${agencyUnitId}/unit/${service.unitId}`;
  const notice = actionData ? null : params.has("baru") ? t("orgAdmin.services.added") : params.has("disimpan") ? t("orgAdmin.saved") : params.has("nonaktif") ? t("orgAdmin.services.retiredNotice") : params.has("aktif") ? t("orgAdmin.services.reactivated") : null;
  return (
    <>
      <p className="muted">
        <Link to={back}>← {service.unitName}</Link>
      </p>
      <h1>
        {service.name} {service.active ? null : <span className="badge danger">{t("organisation.retired")}</span>}
      </h1>
      <Notice text={notice} />
      <FormMessage error={errors._form} />
      {confirm ? (
        confirm.intent === "reactivate" ? (
          <ConfirmStep request={confirm} title={t("orgAdmin.services.reactivateTitle", { name: service.name })} confirmLabel={t("orgAdmin.services.reactivateYes")} cancelTo={here} danger={false}>
            <p>{t("orgAdmin.services.reactivateWhat")}</p>
          </ConfirmStep>
        ) : (
          <ConfirmStep request={confirm} title={t("orgAdmin.services.retireTitle", { name: service.name })} confirmLabel={t("orgAdmin.services.retireYes")} cancelTo={here}>
            <p>{t("orgAdmin.services.retireWhat")}</p>
          </ConfirmStep>
        )
      ) : null}
      <Form method="post" noValidate className="narrow">
        <input type="hidden" name="intent" value="save" />
        <ServiceFields values={valuesOf(actionData)} errors={errors} current={service} />
        <div className="form-actions">
          <button type="submit">{t("orgAdmin.save")}</button>
        </div>
      </Form>
      {!confirm ? (
        <Form method="post">
          {service.active ? (
            <>
              <h2>{t("orgAdmin.services.retire")}</h2>
              <p className="muted">{t("orgAdmin.services.retireHint")}</p>
              <input type="hidden" name="intent" value="retire" />
              <button type="submit" className="danger">
                {t("orgAdmin.services.retire")}
              </button>
            </>
          ) : (
            <>
              <h2>{t("orgAdmin.services.reactivate")}</h2>
              <p className="muted">{t("orgAdmin.services.reactivateHint")}</p>
              <input type="hidden" name="intent" value="reactivate" />
              <button type="submit">{t("orgAdmin.services.reactivate")}</button>
            </>
          )}
        </Form>
      ) : null}
    </>
  );
}
